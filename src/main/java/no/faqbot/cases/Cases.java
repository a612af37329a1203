package no.faqbot.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.faqbot.insights.AuditLog;
import no.faqbot.store.Store;
import no.faqbot.support.SmtpMailer;
import no.faqbot.support.SupportFeature;
import no.faqbot.web.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cases feature wired together: the case book, the delivery queue with the configured connector
 * (a helpdesk, else SMTP, else none), the retention purge and the staff inbox.
 */
public final class Cases implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Cases.class);

  /** No store, so no cases kept: each support e-mail is sent straight away. */
  private static final Cases NONE = new Cases(null, List.of(), List.of());

  private final CaseBook book;
  private final List<Routes> routes;
  private final List<ScheduledExecutorService> timers;

  private Cases(CaseBook book, List<Routes> routes, List<ScheduledExecutorService> timers) {
    this.book = book;
    this.routes = routes;
    this.timers = timers;
  }

  /**
   * Opens the cases in {@code store} with screenshots under {@code data}/cases, and starts the
   * delivery queue and the daily purge of cases older than {@code retentionDays}; without a store
   * (null) keeps none.
   *
   * @param support the support e-mails, and SMTP for when no helpdesk is set
   */
  public static Cases open(
      Store store,
      Path data,
      SupportFeature support,
      CaseDelivery delivery,
      int retentionDays,
      Clock clock) {
    if (store == null) {
      return NONE;
    }
    HelpdeskSettings helpdesk = delivery.helpdesk();
    CaseRepository cases = new CaseRepository(store);
    DeliveryRepository deliveries = new DeliveryRepository(store);
    CaseFiles files = new CaseFiles(data.resolve("cases"), helpdesk.storageBytes());
    Connector connector = connector(helpdesk, support.mailer());
    CaseMail mail = new CaseMail(support.service(), files);
    DeliveryQueue queue =
        connector == null
            ? null
            : new DeliveryQueue(deliveries, cases, connector, mail::of, delivery.backoff(), clock);
    CaseBook book = new CaseBook(cases, files, support.service(), mail, queue, clock);
    List<ScheduledExecutorService> timers = new ArrayList<>();
    if (queue != null) {
      long poll = delivery.poll().toMillis();
      timer("faqbot-case-delivery", timers)
          .scheduleWithFixedDelay(queue::runDueOrLog, poll, poll, TimeUnit.MILLISECONDS);
      LOG.info("Support cases are delivered by {}", helpdesk.on() ? helpdesk : "smtp");
    }
    timer("faqbot-case-retention", timers)
        .scheduleAtFixedRate(
            () -> purge(book, retentionDays, clock),
            1,
            TimeUnit.DAYS.toMinutes(1),
            TimeUnit.MINUTES);
    List<Routes> routes =
        List.of(new CaseRoutes(cases, deliveries, files, book, new AuditLog(store, clock)));
    return new Cases(book, routes, List.copyOf(timers));
  }

  /** A daemon thread named {@code name} for timed work, added to {@code timers}. */
  private static ScheduledExecutorService timer(
      String name, List<ScheduledExecutorService> timers) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            work -> {
              Thread t = new Thread(work, name);
              t.setDaemon(true);
              return t;
            });
    timers.add(timer);
    return timer;
  }

  /** Deletes the cases older than {@code retentionDays}; a failure waits for tomorrow. */
  private static void purge(CaseBook book, int retentionDays, Clock clock) {
    try {
      int n = book.deleteBefore(clock.millis() - Duration.ofDays(retentionDays).toMillis());
      if (n > 0) {
        LOG.info("Deleted {} case(s) older than {} days", n, retentionDays);
      }
    } catch (SQLException | IOException | RuntimeException e) {
      LOG.warn("Case retention purge failed (tried again tomorrow): {}", e.toString());
    }
  }

  private static Connector connector(HelpdeskSettings h, SmtpMailer mailer) {
    return switch (h.kind()) {
      case "webhook" -> new WebhookConnector(h.url(), h.secret());
      case "zendesk" -> new ZendeskConnector(h.url(), h.user(), h.secret());
      case "freshdesk" -> new FreshdeskConnector(h.url(), h.secret());
      default -> mailer == null ? null : new SmtpConnector(mailer);
    };
  }

  /** Where support requests are kept as cases; null when none are kept. */
  public CaseBook book() {
    return book;
  }

  /** Deletes the cases of {@code conversation}; returns how many (none when none are kept). */
  public int deleteConversation(String conversation) {
    return book == null ? 0 : book.deleteConversation(conversation);
  }

  /** The staff inbox; none when no cases are kept. */
  public List<Routes> routes() {
    return routes;
  }

  @Override
  public void close() {
    timers.forEach(ScheduledExecutorService::shutdownNow);
  }
}
