/** The {@code faqbot} command line: its commands, their options and how wrong input is reported. */
package no.faqbot.cli;
