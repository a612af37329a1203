/** What every route shares: the server, JSON, limits and mapping errors to {"error": ...}. */
package no.faqbot.web;
