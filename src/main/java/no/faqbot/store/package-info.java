/**
 * Where faqbot keeps what it records: an embedded SQLite file under the data folder by default,
 * PostgreSQL when configured; a connection pool and versioned migrations for both.
 */
package no.faqbot.store;
