package no.faqbot.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The versions of each guided flow served lately, so a conversation started on one version
 * continues on it after the flow changed (a publish, or a rolling deploy: started on one replica,
 * continued on another). A version is kept for {@link StateCodec#MAX_AGE} after it stopped being
 * served, as long as a state can live. A version this replica never served is looked for in the
 * content revisions ({@link #archive}) when a store keeps them.
 */
public final class FlowVersions {
  /**
   * Unknown versions are not looked for again within this time: one look per deploy, not per turn.
   */
  private static final Duration MISS_TTL = Duration.ofSeconds(30);

  private static final int MAX_MISSES = 1_000;

  private final Clock clock;
  private final Duration keep;
  private final Map<String, Kept> versions = new ConcurrentHashMap<>();
  private final Map<String, Instant> misses = new ConcurrentHashMap<>();
  private volatile Object lastSeen;
  private volatile BiFunction<String, String, Optional<Flow>> archive =
      (id, revision) -> Optional.empty();

  /** A version and since when it is no longer served (null while it is). */
  private record Kept(Flow flow, Instant retired) {}

  public FlowVersions() {
    this(Clock.systemUTC(), StateCodec.MAX_AGE);
  }

  public FlowVersions(Clock clock, Duration keep) {
    this.clock = clock;
    this.keep = keep;
  }

  /**
   * Where versions this replica never served are looked for: (flow id, flow revision) to the flow
   * as it was, e.g. parsed from a content revision of the last day.
   */
  public void archive(BiFunction<String, String, Optional<Flow>> archive) {
    this.archive = archive;
  }

  /**
   * Notes the flows served now; called with every reply, cheap unless {@code content} (any object
   * that changes when the content does) is new.
   */
  public void serving(Object content, Collection<Flow> flows) {
    if (content == lastSeen) {
      return;
    }
    synchronized (this) {
      if (content == lastSeen) {
        return;
      }
      Instant now = clock.instant();
      Set<String> current = new HashSet<>();
      for (Flow flow : flows) {
        current.add(key(flow.id(), flow.revision()));
        versions.put(key(flow.id(), flow.revision()), new Kept(flow, null));
      }
      versions.replaceAll(
          (key, kept) ->
              kept.retired() == null && !current.contains(key) ? new Kept(kept.flow(), now) : kept);
      versions.values().removeIf(k -> k.retired() != null && expired(k.retired(), now));
      lastSeen = content;
    }
  }

  /**
   * The flow {@code state} was made on: {@code current} when it is that version, else an earlier
   * version kept here or found in the archive; empty when none is known any more.
   */
  public Optional<Flow> of(FlowState state, Optional<Flow> current) {
    if (current.isPresent() && current.get().revision().equals(state.revision())) {
      return current;
    }
    String key = key(state.flow(), state.revision());
    Instant now = clock.instant();
    Kept kept = versions.get(key);
    if (kept != null && (kept.retired() == null || !expired(kept.retired(), now))) {
      return Optional.of(kept.flow());
    }
    Instant missed = misses.get(key);
    if (missed != null && missed.plus(MISS_TTL).isAfter(now)) {
      return Optional.empty();
    }
    Optional<Flow> found;
    try {
      found = archive.apply(state.flow(), state.revision());
    } catch (RuntimeException e) {
      found = Optional.empty(); // the store is away: as if unknown
    }
    if (found.isPresent()) {
      versions.putIfAbsent(key, new Kept(found.get(), now));
    } else {
      if (misses.size() >= MAX_MISSES) {
        misses.clear();
      }
      misses.put(key, now);
    }
    return found;
  }

  private boolean expired(Instant retired, Instant now) {
    return retired.plus(keep).isBefore(now);
  }

  private static String key(String id, String revision) {
    return id + "@" + revision;
  }
}
