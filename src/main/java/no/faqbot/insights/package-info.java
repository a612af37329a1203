/**
 * What merchants ask and how the bot answers: chat turns, picks, votes, flow steps and support
 * e-mails recorded off the request thread, and the figures, unanswered questions and exports staff
 * see.
 */
package no.faqbot.insights;
