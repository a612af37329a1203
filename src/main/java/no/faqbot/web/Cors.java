package no.faqbot.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets the shops listed in {@code FAQBOT_CORS_ORIGINS} call the API and load the widget from their
 * pages; every other origin gets no CORS headers, so browsers keep it out.
 */
public final class Cors {
  private final Set<String> allowed;

  public Cors(List<String> origins) {
    this.allowed =
        origins.stream()
            .map(String::strip)
            .filter(o -> !o.isEmpty())
            .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** From a comma-separated list such as {@code https://shop.example,https://www.shop.example}. */
  public static Cors parse(String list) {
    return new Cors(list == null ? List.of() : List.of(list.split(",")));
  }

  void apply(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin != null && (allowed.contains(origin) || allowed.contains("*"))) {
      ctx.header("Access-Control-Allow-Origin", allowed.contains("*") ? "*" : origin);
      ctx.header("Vary", "Origin");
      ctx.header("Access-Control-Expose-Headers", "Content-Disposition, X-Faqbot-Redacted");
    }
  }

  void preflight(Context ctx) {
    apply(ctx);
    ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    ctx.header("Access-Control-Allow-Headers", "Content-Type");
    ctx.header("Access-Control-Max-Age", "600");
    ctx.status(204);
  }
}
