/**
 * Drafts of an FAQ entry in the browser: problems while typing, a preview of which replies the
 * draft changes (stored questions and eval sets, live against draft), and publishing through the
 * {@link no.faqbot.knowledge.ContentPublisher}.
 */
package no.faqbot.editor;
