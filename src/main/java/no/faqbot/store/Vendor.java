package no.faqbot.store;

/** The two kinds of database the store runs on; where their SQL differs, code asks this. */
public enum Vendor {
  SQLITE,
  POSTGRESQL
}
