package no.faqbot.revisions;

import java.time.Instant;

/**
 * One published content set.
 *
 * @param number 1, 2, ... in the order they were published
 * @param base the revision the change was made on (0: none, the first)
 * @param fingerprint the content fingerprint of its files (as {@code /health} shows it)
 * @param author a staff user, the OS user of the command line, or {@code bootstrap}
 */
public record Revision(
    long number, long base, String fingerprint, String author, Instant created, String message) {}
