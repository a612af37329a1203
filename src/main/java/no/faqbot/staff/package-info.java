/** Pages for support staff and editors behind a login: search over the answers. */
package no.faqbot.staff;
