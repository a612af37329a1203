/**
 * Content files owned by editors (FAQ entries, synonyms, canned replies) turned into validated
 * records.
 */
package no.faqbot.content;
