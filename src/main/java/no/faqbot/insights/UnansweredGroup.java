package no.faqbot.insights;

import java.util.List;
import java.util.Set;

/**
 * Messages the bot did not answer well, grouped so one question asked many ways is one row.
 *
 * @param id stable while the group's most common phrasing stays the same
 * @param examples distinct messages, most frequent first (at most a few)
 * @param keys the analysed phrasings in the group (what dismissing remembers)
 */
public record UnansweredGroup(
    String id, String lang, long count, long lastSeen, List<String> examples, Set<String> keys) {}
