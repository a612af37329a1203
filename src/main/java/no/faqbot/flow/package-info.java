/** Guided troubleshooting flows: the model read from YAML, its lint, and a pure engine. */
package no.faqbot.flow;
