/**
 * The prepared support e-mail: screenshots checked by content, secrets redacted, MIME built with
 * Jakarta Mail.
 */
package no.faqbot.support;
