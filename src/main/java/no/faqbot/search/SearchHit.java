package no.faqbot.search;

import no.faqbot.content.FaqEntry;

/**
 * One entry found for a message. {@code coverage} is the share of the message's weight the entry
 * explains (0 to 1); {@code score} ranks hits and mixes coverage with Lucene's relevance.
 */
public record SearchHit(FaqEntry entry, double score, double coverage) {}
