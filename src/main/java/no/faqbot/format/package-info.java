/**
 * The ground the content features stand on: YAML that remembers key lines, content problems as
 * {@code path:line: message}, ids and the languages served. Imports no other faqbot package.
 */
package no.faqbot.format;
