/**
 * Content revisions: every published content set kept complete in the store, so every replica
 * serves the newest one (followed by LISTEN/NOTIFY or polling), a change is checked against the
 * newest before it goes live, and an old one can be looked at and restored.
 */
package no.faqbot.revisions;
