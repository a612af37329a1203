/** Measuring answer quality on a set of merchant messages with known right outcomes. */
package no.faqbot.eval;
