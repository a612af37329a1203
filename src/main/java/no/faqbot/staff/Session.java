package no.faqbot.staff;

import java.time.Instant;

/** A logged-in staff member and the token every form post must carry ({@link Csrf}). */
record Session(String user, String csrf, Instant expires) {}
