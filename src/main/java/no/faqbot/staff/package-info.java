/**
 * Pages for support staff and editors behind a login: the login (password form, HTTP Basic, OpenID
 * Connect), the guard before every route that declares a staff role, search over the answers,
 * content status and flow diagrams.
 */
package no.faqbot.staff;
