package no.faqbot.format;

import java.util.regex.Pattern;

/**
 * What an id looks like, for entries, flows and steps alike: kebab-case ({@code store-id-missing}).
 */
public final class Ids {
  public static final Pattern PATTERN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private Ids() {}
}
