package no.faqbot.search;

import no.faqbot.content.FaqEntry;

/**
 * One entry found for a message. {@code coverage} is the share of the message's weight the entry
 * explains (0 to 1), {@code evidence} the same in absolute idf; {@code relevance} is Lucene's
 * score and {@code score}, which ranks hits, mixes coverage with it.
 */
public record SearchHit(FaqEntry entry, double score, double coverage, double evidence, double relevance) {}
