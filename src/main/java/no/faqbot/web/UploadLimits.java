package no.faqbot.web;

import java.util.function.Supplier;

/**
 * How large multipart uploads may be, and what to tell a client who sends more: numbers and wording
 * come from the feature that takes uploads, so the server knows no feature.
 */
public record UploadLimits(long maxFileBytes, int maxFiles, Supplier<String> tooLarge) {}
