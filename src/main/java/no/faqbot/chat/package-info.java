/**
 * Turning a merchant's message into a reply: an answer, choices, small talk or an honest fallback.
 */
package no.faqbot.chat;
