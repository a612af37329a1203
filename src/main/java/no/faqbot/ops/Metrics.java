package no.faqbot.ops;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import no.faqbot.chat.ChatTurn;
import no.faqbot.chat.ReplyType;
import no.faqbot.flow.FlowView;
import no.faqbot.insights.EventRecorder;
import no.faqbot.knowledge.ContentReloader;
import no.faqbot.staff.HashGate;
import no.faqbot.store.Store;
import no.faqbot.support.SupportCase;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What {@code /metrics} shows, in Prometheus' text format. The meters a request touches are made
 * once and kept (by route and status), so the hot path is a map lookup and a few atomic adds.
 */
public final class Metrics implements AutoCloseable {
  /**
   * Latency buckets, in seconds: chat answers take well under a millisecond, uploads and SMTP much
   * longer.
   */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(5)
  };

  /**
   * Request series at most: far above what the routes, known methods and statuses make, far below
   * what would hurt a scrape.
   */
  static final int MAX_REQUEST_SERIES = 1_000;

  private static final String REQUESTS = "faqbot.http.requests";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final SeriesCap cap = new SeriesCap(REQUESTS, MAX_REQUEST_SERIES);
  private final Map<RequestKey, Timer> requests = new ConcurrentHashMap<>();

  /**
   * A request's timer by its parts: no string is built per request, and method and route are the
   * same String objects each time, whose hash codes Java keeps.
   */
  private record RequestKey(String method, String route, int status) {}

  private final Map<ReplyType, Counter> replies = new EnumMap<>(ReplyType.class);
  private final Counter flowsStarted;
  private final Map<String, Counter> flowsEnded = new ConcurrentHashMap<>();
  private final Counter emailsPrepared;
  private final Counter emailsSent;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public Metrics() {
    registry.config().meterFilter(cap);
    FunctionCounter.builder("faqbot.metrics.folded", cap, SeriesCap::folded)
        .description("Request series folded into route=\"other\" past the cap")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder("faqbot.build.info", () -> 1)
        .tag("version", BuildInfo.version())
        .register(registry);
    for (ReplyType type : ReplyType.values()) {
      replies.put(
          type,
          Counter.builder("faqbot.chat.replies")
              .description("Chat replies by type")
              .tag("type", type.json())
              .register(registry));
    }
    flowsStarted = Counter.builder("faqbot.flows.started").register(registry);
    emailsPrepared =
        Counter.builder("faqbot.support.emails").tag("sent", "false").register(registry);
    emailsSent = Counter.builder("faqbot.support.emails").tag("sent", "true").register(registry);
  }

  /**
   * One request done: {@code route} is the matched path template (never the raw path), or
   * "unmatched".
   */
  public void request(String method, String route, int status, long nanos) {
    RequestKey key = new RequestKey(method, route, status);
    Timer timer = requests.get(key);
    if (timer == null) {
      timer =
          requests.computeIfAbsent(
              key,
              k ->
                  Timer.builder(REQUESTS)
                      .description("HTTP requests by route and status")
                      .tags("method", method, "route", route, "status", Integer.toString(status))
                      .serviceLevelObjectives(BUCKETS)
                      .register(registry));
    }
    timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** Counts a chat reply by type, and the flows it starts or ends. */
  public void chatTurn(ChatTurn turn) {
    replies.get(turn.reply().type()).increment();
    FlowView flow = turn.reply().flow();
    if (flow == null) {
      return;
    }
    if (turn.request().state() == null || turn.request().state().isNull()) {
      flowsStarted.increment();
    }
    if ("end".equals(flow.kind()) || "email".equals(flow.kind())) {
      String outcome = "email".equals(flow.kind()) ? "email" : String.valueOf(flow.outcome());
      flowsEnded
          .computeIfAbsent(
              outcome,
              o -> Counter.builder("faqbot.flows.ended").tag("outcome", o).register(registry))
          .increment();
    }
  }

  public void supportCase(SupportCase c) {
    (c.sent() ? emailsSent : emailsPrepared).increment();
  }

  /** The event queue's depth, its drops and the rows written. */
  public void watch(EventRecorder recorder) {
    Gauge.builder("faqbot.events.queued", recorder, EventRecorder::queued).register(registry);
    FunctionCounter.builder("faqbot.events.dropped", recorder, EventRecorder::dropped)
        .register(registry);
    FunctionCounter.builder("faqbot.events.written", recorder, EventRecorder::written)
        .register(registry);
    for (String reason : List.of(EventRecorder.NOT_SHOWN, EventRecorder.STORE_FULL)) {
      FunctionCounter.builder("faqbot.events.refused", recorder, r -> r.refused(reason))
          .tag("reason", reason)
          .register(registry);
    }
  }

  /** The store's health beside readiness: 1 while it answers and takes events, else 0. */
  public void watch(Readiness readiness) {
    Gauge.builder("faqbot.store.up", readiness, r -> r.storeUp() ? 1 : 0).register(registry);
  }

  /** Content reloads by result. */
  public void watch(ContentReloader reloader) {
    FunctionCounter.builder("faqbot.content.reloads", reloader, r -> r.reloads(true))
        .tag("result", "served")
        .register(registry);
    FunctionCounter.builder("faqbot.content.reloads", reloader, r -> r.reloads(false))
        .tag("result", "refused")
        .register(registry);
  }

  /**
   * Logins turned away because as many password hashes as the cap allows were running (503), and
   * how many may still start now.
   */
  public void watch(HashGate gate) {
    FunctionCounter.builder("faqbot.logins.refused", gate, HashGate::refused)
        .tag("reason", "hash_cap")
        .register(registry);
    Gauge.builder("faqbot.password.hashes.free", gate, HashGate::available).register(registry);
  }

  /** The database pool's connections. */
  public void watch(Store store) {
    HikariDataSource hikari = store.pool();
    pool("active", hikari, HikariPoolMXBean::getActiveConnections);
    pool("idle", hikari, HikariPoolMXBean::getIdleConnections);
    pool("pending", hikari, HikariPoolMXBean::getThreadsAwaitingConnection);
  }

  private void pool(
      String state, HikariDataSource hikari, ToDoubleFunction<HikariPoolMXBean> value) {
    Gauge.builder(
            "faqbot.store.connections",
            hikari,
            h -> h.getHikariPoolMXBean() == null ? 0 : value.applyAsDouble(h.getHikariPoolMXBean()))
        .tag("state", state)
        .register(registry);
  }

  /** The HTTP threads: busy, idle, and requests waiting for one. */
  public void watch(QueuedThreadPool http) {
    Gauge.builder("faqbot.http.threads", http, QueuedThreadPool::getBusyThreads)
        .tag("state", "busy")
        .register(registry);
    Gauge.builder("faqbot.http.threads", http, QueuedThreadPool::getIdleThreads)
        .tag("state", "idle")
        .register(registry);
    Gauge.builder("faqbot.http.queued", http, QueuedThreadPool::getQueueSize).register(registry);
  }

  MeterRegistry registry() {
    return registry;
  }

  /** Everything, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
