/** Lucene analysis, the on-disk index and retrieval that copes with merchants' Norwegian. */
package no.faqbot.search;
