/** Server configuration from flags and environment variables. */
package no.faqbot.config;
