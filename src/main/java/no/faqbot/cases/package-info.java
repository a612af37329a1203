/**
 * Support cases: each support request kept once with its redacted fields and screenshots, delivered
 * to a helpdesk or by SMTP through a retrying queue, and listed for staff in the inbox.
 */
package no.faqbot.cases;
