package no.faqbot.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How large multipart uploads may be, how they must arrive, and what to tell a client who sends
 * more: numbers and wording come from the feature that takes uploads, so the server knows no
 * feature.
 *
 * @param deadline an upload's whole body must arrive within this
 * @param minBytesPerSecond after {@code grace}, on average at least this fast (else {@code 408})
 * @param perClient uploads one client may have in flight at once (else {@code 429})
 * @param clients how clients are told apart
 * @param spool the private folder where bodies wait while they arrive
 */
public record UploadLimits(
    long maxFileBytes,
    int maxFiles,
    Supplier<String> tooLarge,
    Duration deadline,
    long minBytesPerSecond,
    Duration grace,
    int perClient,
    ClientAddress clients,
    Path spool) {
  /** A generous deadline: 4 minutes, so 25 MB still arrive at 110 KB/s. */
  public static final Duration DEADLINE = Duration.ofMinutes(4);

  /** Slower than this on average after {@link #GRACE}, an upload is from a client to let go. */
  public static final long MIN_BYTES_PER_SECOND = 8 * 1024;

  public static final Duration GRACE = Duration.ofSeconds(10);

  /** The default limits with the spool in the system's temporary folder: for tests. */
  public UploadLimits(long maxFileBytes, int maxFiles, Supplier<String> tooLarge) {
    this(
        maxFileBytes,
        maxFiles,
        tooLarge,
        DEADLINE,
        MIN_BYTES_PER_SECOND,
        GRACE,
        2,
        ClientAddress.direct(),
        Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** The largest body: one file more than allowed (so too many files get their own answer). */
  long maxBodyBytes() {
    return maxFileBytes * (maxFiles + 1) + WebServer.MAX_JSON_BODY;
  }

  BodyRules rules() {
    return new BodyRules(maxBodyBytes(), deadline, minBytesPerSecond, grace);
  }
}
