/**
 * Redaction: secrets and personal numbers taken out of what people type (support requests, flow
 * forms, chat, feedback) before anything is kept or sent.
 */
package no.faqbot.privacy;
