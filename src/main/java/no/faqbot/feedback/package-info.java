/** Merchants' "was this helpful?" votes on answers, kept for later insight. */
package no.faqbot.feedback;
