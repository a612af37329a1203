package no.faqbot.search;

import java.util.List;

/** Body of {@code GET /api/search}. */
public record SearchResponse(String query, String lang, List<AnswerView> results) {}
