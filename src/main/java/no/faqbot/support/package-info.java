/**
 * The prepared support e-mail: screenshots checked by content, secrets redacted ({@code privacy}),
 * MIME built with Jakarta Mail.
 */
package no.faqbot.support;
