package no.faqbot.web;

/** The body of every error answer: {@code {"error": "..."}}. */
public record ApiError(String error) {}
