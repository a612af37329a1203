package no.faqbot.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cap on the request series: labels come from bounded sets already (known methods, route
 * templates, status codes), and this is the second fence. Past {@code max} distinct series of
 * {@code name}, a new one is folded into {@code method="OTHER",route="other"} with its status kept,
 * and counted in {@link #folded()}.
 */
final class SeriesCap implements MeterFilter {
  private final String name;
  private final int max;
  private final Set<Meter.Id> seen = ConcurrentHashMap.newKeySet();
  private final AtomicLong folded = new AtomicLong();

  SeriesCap(String name, int max) {
    this.name = name;
    this.max = max;
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    if (!id.getName().equals(name) || seen.contains(id)) {
      return id;
    }
    synchronized (seen) {
      if (seen.size() < max) {
        seen.add(id);
        return id;
      }
    }
    folded.incrementAndGet();
    String status = id.getTag("status");
    return id.replaceTags(
        List.of(
            Tag.of("method", "OTHER"),
            Tag.of("route", "other"),
            Tag.of("status", status == null ? "other" : status)));
  }

  /** How many series were folded into the {@code other} one. */
  long folded() {
    return folded.get();
  }
}
