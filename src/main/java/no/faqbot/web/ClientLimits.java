package no.faqbot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Per-client limits on routes ({@code FAQBOT_LIMIT_*}): a client over its limit gets {@code 429}
 * with {@code Retry-After} before the route runs. Clients are told apart by {@link ClientAddress}.
 * Which routes and how much come from the composition root; this class knows no feature.
 */
public final class ClientLimits implements Routes {
  /** Enough for every shop's visitors at once, small enough for the heap (about 100 bytes each). */
  public static final int MAX_CLIENTS_PER_ROUTE = 20_000;

  /** {@code limit} on {@code method path}, set by the environment variable {@code variable}. */
  public record Rule(String variable, String method, String path, RateLimit limit) {}

  private final ClientAddress clients;
  private final List<Rule> rules;
  private final int maxClients;
  private final LongSupplier nanos;

  public ClientLimits(ClientAddress clients, List<Rule> rules) {
    this(clients, rules, MAX_CLIENTS_PER_ROUTE, System::nanoTime);
  }

  public ClientLimits(ClientAddress clients, List<Rule> rules, int maxClients, LongSupplier nanos) {
    this.clients = clients;
    this.rules = List.copyOf(rules);
    this.maxClients = maxClients;
    this.nanos = nanos;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    for (Rule rule : rules) {
      if (rule.limit().isOff()) {
        continue;
      }
      ClientLimiter limiter = new ClientLimiter(rule.limit(), maxClients, nanos);
      routes.before(
          rule.path(),
          ctx -> {
            if (ctx.method().name().equals(rule.method())) {
              check(ctx, limiter);
            }
          });
    }
  }

  private void check(Context ctx, ClientLimiter limiter) {
    long wait = limiter.acquire(clients.of(ctx));
    if (wait == 0) {
      return;
    }
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999));
    new ApiException(ErrorCode.RATE_LIMITED, message(ctx.queryParam("lang"), seconds))
        .header("Retry-After", Long.toString(seconds))
        .answer(ctx);
    ctx.skipRemainingHandlers();
  }

  /** In the request's language when it says one, else in both (Norwegian first). */
  static String message(String lang, long seconds) {
    String nb =
        "For mange forespørsler. Vent "
            + seconds
            + (seconds == 1 ? " sekund" : " sekunder")
            + " og prøv igjen.";
    String en =
        "Too many requests. Wait "
            + seconds
            + (seconds == 1 ? " second" : " seconds")
            + " and try again.";
    if ("nb".equals(lang)) {
      return nb;
    }
    return "en".equals(lang) ? en : nb + " / " + en;
  }
}
