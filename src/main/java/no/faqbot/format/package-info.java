/**
 * The ground the content features stand on: YAML that remembers key lines, content problems as
 * {@code path:line: message}, ids, the languages served and the word lists built in. Imports no
 * other faqbot package.
 */
package no.faqbot.format;
