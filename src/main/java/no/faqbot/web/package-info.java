/**
 * What every route shares: the server, JSON, reading bodies before routes run, per-client limits,
 * security headers, and mapping every error (Jetty's own included) to {"error": ..., "code": ...}.
 */
package no.faqbot.web;
