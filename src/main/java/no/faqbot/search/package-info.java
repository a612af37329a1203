/**
 * The ranking core: Lucene analysis and retrieval that copes with merchants' Norwegian, pure of
 * serving (the index on disk, reloads and routes are in {@code knowledge}).
 */
package no.faqbot.search;
