package no.faqbot.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import no.faqbot.config.Setting.Parser;
import no.faqbot.web.ClientAddress;
import no.faqbot.web.ClientLimits;
import no.faqbot.web.RateLimit;

/**
 * The ways {@link Catalogue}'s settings are read. Unless said otherwise a value is stripped, and a
 * blank one counts as not set, so the default holds.
 */
final class Parsers {
  private Parsers() {}

  /** Stripped; the default when not set or blank. */
  static Parser<String> text() {
    return (given, fallback, problems) -> {
      String value = stripped(given);
      return value == null ? fallback : value;
    };
  }

  /**
   * As given, spaces and all, or null: user names, passwords and keys are used exactly as set (the
   * servers that check them decide what is blank).
   */
  static Parser<String> verbatim() {
    return (given, fallback, problems) -> given;
  }

  static Parser<Path> path() {
    return (given, fallback, problems) -> {
      String value = text().parse(given, fallback, problems);
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        problems.refuse(value, "a folder path (" + e.getReason() + ")");
        return Path.of(fallback);
      }
    };
  }

  static Parser<Integer> integer(int min, int max) {
    return (given, fallback, problems) -> {
      String value = stripped(given);
      int standIn = Integer.parseInt(fallback);
      if (value == null) {
        return standIn;
      }
      try {
        int n = Integer.parseInt(value);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // refused below, with the range
      }
      problems.refuse(value, "a whole number from " + min + " to " + max);
      return standIn;
    };
  }

  /** A whole number of megabytes from {@code min} to {@code max}, in bytes. */
  static Parser<Long> megabytes(int min, int max) {
    return integer(min, max).map(mb -> mb * 1024L * 1024);
  }

  static Parser<Boolean> onOff() {
    return (given, fallback, problems) -> {
      String value = text().parse(given, fallback, problems);
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "on", "true", "yes", "1" -> true;
        case "off", "false", "no", "0" -> false;
        default -> {
          problems.refuse(value, "on or off (also true/false, yes/no, 1/0)");
          yield "on".equals(fallback);
        }
      };
    };
  }

  /** One of {@code allowed}, in lower case. */
  static Parser<String> choice(String... allowed) {
    return (given, fallback, problems) -> {
      String value = text().parse(given, fallback, problems).toLowerCase(Locale.ROOT);
      if (List.of(allowed).contains(value)) {
        return value;
      }
      problems.refuse(value, String.join(" or ", allowed));
      return fallback;
    };
  }

  /** The name of an ID token's claim ({@code email}). */
  static Parser<String> claimName() {
    return (given, fallback, problems) -> {
      String value = text().parse(given, fallback, problems);
      if (!value.matches("[\\x21-\\x7e]{1,200}")) {
        problems.refuse(value, "a claim name (email, preferred_username)");
      }
      return value;
    };
  }

  /** One e-mail address; {@code bare}: without a display name ({@code name@shop.no}). */
  static Parser<String> address(boolean bare) {
    return (given, fallback, problems) -> {
      String value = text().parse(given, fallback, problems);
      if (value == null) {
        return null;
      }
      try {
        InternetAddress address = new InternetAddress(value, true);
        address.validate();
        if (!bare || (address.getPersonal() == null && address.getAddress().equals(value))) {
          return value;
        }
      } catch (AddressException e) {
        // refused below
      }
      problems.refuse(
          value,
          bare
              ? "one e-mail address (name@example.com)"
              : "one e-mail address (Name <name@example.com>)");
      return fallback;
    };
  }

  /**
   * Comma-separated origins, each {@code https://host[:port]} without a path, or {@code *}; none
   * when not set.
   */
  static Parser<List<String>> origins() {
    return (given, fallback, problems) -> {
      String value = stripped(given);
      if (value == null) {
        return List.of();
      }
      List<String> origins =
          Arrays.stream(value.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
      for (String origin : origins) {
        if (!origin.equals("*") && !isOrigin(origin)) {
          problems.refuse(
              origin,
              "origins (scheme, host and port, no path: https://shop.example), comma-separated,"
                  + " or *");
        }
      }
      return origins;
    };
  }

  private static boolean isOrigin(String origin) {
    try {
      URI uri = new URI(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && uri.getRawPath().isEmpty()
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Trusted proxies as parsed ranges; none when not set. */
  static Parser<ClientAddress> proxies() {
    return (given, fallback, problems) -> {
      try {
        return ClientAddress.trusting(stripped(given));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage()); // names the variable and the part that is wrong
        return ClientAddress.direct();
      }
    };
  }

  /** A PostgreSQL JDBC URL, or null for the embedded store. */
  static Parser<String> jdbcUrl() {
    return (given, fallback, problems) -> {
      String url = stripped(given);
      if (url != null && !url.startsWith("jdbc:postgresql:")) {
        problems.refuse(url, "a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db)");
        return null;
      }
      return url;
    };
  }

  /**
   * The limit on {@code method path} set by {@code variable}: a {@link RateLimit} spec as given
   * (blank is no limit, and refused), the default when not set.
   */
  static Parser<ClientLimits.Rule> limit(String variable, String method, String path) {
    return (given, fallback, problems) -> {
      RateLimit limit;
      try {
        limit = RateLimit.parse(variable, given == null ? fallback : given);
      } catch (IllegalArgumentException bad) {
        problems.add(bad.getMessage()); // names the variable and the forms it takes
        limit = RateLimit.parse(variable, fallback);
      }
      return new ClientLimits.Rule(variable, method, path, limit);
    };
  }

  /** Stripped, or null when not set or blank. */
  static String stripped(String given) {
    return given == null || given.isBlank() ? null : given.strip();
  }
}
