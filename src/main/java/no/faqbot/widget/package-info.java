/** The embeddable chat widget's server side: the demo help page that shows it. */
package no.faqbot.widget;
