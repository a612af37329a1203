package no.faqbot.config;

import java.nio.file.Path;
import java.util.List;
import no.faqbot.web.ClientAddress;

/**
 * The server's own settings: where it listens, which folders it reads and fills, which origins and
 * proxies it believes, what signs the state it hands out, and how many requests it serves at once.
 */
public final class ServerCatalogue {
  private ServerCatalogue() {}

  public static final Setting<String> HOST =
      new Setting<>("FAQBOT_HOST", "host", "127.0.0.1", "address to listen on", Parsers.text());
  public static final Setting<Integer> PORT =
      new Setting<>(
          "FAQBOT_PORT",
          "port",
          "7070",
          "port to listen on (0 to 65535; 0 takes a free one)",
          Parsers.integer(0, 65535));
  public static final Setting<Path> CONTENT =
      new Setting<>(
          "FAQBOT_CONTENT",
          "content",
          "content",
          "content folder: FAQ entries, synonyms, replies and flows",
          Parsers.path());
  public static final Setting<Path> INDEX =
      new Setting<>(
          "FAQBOT_INDEX",
          "index",
          "index",
          "index folder; generated, reused while content and analysis are unchanged",
          Parsers.path());
  public static final Setting<Path> DATA =
      Setting.env(
          "FAQBOT_DATA",
          "data",
          "where the embedded event store (faqbot.db) and other collected data are kept",
          Parsers.path());
  public static final Setting<List<String>> CORS_ORIGINS =
      Setting.env(
          "FAQBOT_CORS_ORIGINS",
          null,
          "shop origins whose pages may embed the widget from this server, comma-separated"
              + " (https://shop.example); unset allows none but this server's own",
          Parsers.origins());
  public static final Setting<ClientAddress> TRUSTED_PROXIES =
      Setting.env(
          "FAQBOT_TRUSTED_PROXIES",
          null,
          "reverse proxies whose X-Forwarded-For is believed: IP addresses or CIDR ranges,"
              + " comma-separated (10.0.0.0/8); per-client limits and the login lockout key on the"
              + " nearest hop that is not one; unset trusts none",
          Parsers.proxies());
  public static final Setting<Integer> IPV6_PREFIX =
      Setting.env(
          "FAQBOT_IPV6_PREFIX",
          Integer.toString(ClientAddress.DEFAULT_IPV6_PREFIX),
          "per-client limits and the login lockout key an IPv6 client by its network of this many"
              + " bits (1 to 128; an IPv6 client usually holds a whole /64), an IPv4 client by its"
              + " address",
          Parsers.integer(1, 128));
  public static final Setting<String> STATE_SECRET =
      Setting.env(
          "FAQBOT_STATE_SECRET",
          null,
          "signs conversation state; unset uses a random key kept in the event store, which"
              + " replicas sharing PostgreSQL agree on",
          Parsers.verbatim());

  /**
   * Answering is CPU work of a tenth of a millisecond: a few threads per core keep both cores busy,
   * and with few runnable threads the JIT compiler gets its share of the CPU under load (with 32, a
   * fresh server still ran at a quarter of full speed after a minute). Requests that wait on a
   * merchant's upload or an SMTP server run on their own threads, not these.
   */
  public static final Setting<Integer> THREADS =
      Setting.env(
          "FAQBOT_THREADS",
          "8",
          "requests served at once (8 to 1000); more wait their turn; support e-mails run on"
              + " threads of their own",
          Parsers.integer(Settings.MIN_THREADS, 1000));
}
