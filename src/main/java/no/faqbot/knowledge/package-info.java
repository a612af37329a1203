/**
 * Serving the knowledge base: the Lucene index on disk, the live index shared by requests, hot
 * reload of changed content, and the HTTP routes for search, entries and {@code /health}.
 */
package no.faqbot.knowledge;
