package no.faqbot.chat;

import com.fasterxml.jackson.databind.JsonNode;

/** A message from the widget, with the conversation state it got with the last reply. */
public record ChatRequest(String message, String lang, JsonNode state) {}
