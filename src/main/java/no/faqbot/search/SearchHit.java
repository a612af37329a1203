package no.faqbot.search;

import no.faqbot.content.FaqEntry;

/**
 * One entry found for a message. {@code score} ranks hits: how well the entry's best-fitting
 * phrasing fits the message, both ways (0 to 1). {@code coverage} is the share of the message's
 * weight the entry explains (0 to 1); {@code evidence} is that matched weight counted in terms as
 * rare as one used by a single entry; {@code relevance} is the cheap upper bound of coverage that
 * picked it among the candidates Lucene found.
 */
public record SearchHit(
    FaqEntry entry, double score, double coverage, double evidence, double relevance) {}
