package no.faqbot.insights;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import no.faqbot.knowledge.ContentPublisher;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.search.TextAnalysis;
import no.faqbot.store.Store;
import no.faqbot.store.StoreRoom;
import no.faqbot.store.StoreSettings;
import no.faqbot.web.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The insights feature wired together: the store, the recorder, the daily purge and the staff
 * routes.
 */
public final class Insights implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Insights.class);

  private final Store store;
  private final EventRecorder recorder;
  private final RetentionPurge purge;
  private final Clock clock;
  private final int retentionDays;
  private final ShownEntries shown = new ShownEntries(ShownEntries.DEFAULT_CONVERSATIONS);

  private Insights(
      Store store, EventRecorder recorder, RetentionPurge purge, Clock clock, int retentionDays) {
    this.retentionDays = retentionDays;
    this.store = store;
    this.recorder = recorder;
    this.purge = purge;
    this.clock = clock;
  }

  /**
   * Opens the store (importing an old feedback file once), starts the recorder and the daily purge.
   *
   * @throws no.faqbot.store.StoreUnavailableException when the configured database cannot be used
   */
  public static Insights open(
      StoreSettings storeSettings, RecordingSettings recording, Path data, Clock clock) {
    Store store = Store.open(storeSettings, data);
    EventRepository events = new EventRepository(store);
    try {
      FeedbackImport.run(data, events);
    } catch (IOException | SQLException e) {
      LOG.warn(
          "Could not import the old feedback file in {} (kept for the next start): {}",
          data,
          e.toString());
    }
    if (!recording.on()) {
      LOG.info("Recording is off (FAQBOT_RECORDING=off): no chat events are stored");
    }
    RetentionPurge purge = new RetentionPurge(events, recording.retentionDays(), clock);
    purge.schedule();
    return new Insights(
        store,
        new EventRecorder(
            events::insert,
            recording.on(),
            EventRecorder.DEFAULT_CAPACITY,
            clock,
            new StoreRoom(
                store,
                data,
                recording.maxStoreBytes(),
                recording.diskReserveBytes(),
                System::nanoTime)),
        purge,
        clock,
        recording.retentionDays());
  }

  /** Nothing stored and no staff routes: for eval and selftest. */
  public static Insights none() {
    return new Insights(
        null,
        new EventRecorder(batch -> {}, false, 1, Clock.systemUTC()),
        null,
        Clock.systemUTC(),
        RecordingSettings.DEFAULT_RETENTION_DAYS);
  }

  public EventRecorder recorder() {
    return recorder;
  }

  /** Which entries recent conversations were shown, so that only their picks are recorded. */
  public ShownEntries shown() {
    return shown;
  }

  /** The store, or null when nothing is stored. */
  public Store store() {
    return store;
  }

  /**
   * The widget's pick recording and the staff routes over recorded data (none without a store).
   * Unanswered questions are grouped with the search's {@code analysis}; an alternative added to an
   * entry is read from its file under {@code content} and published through {@code publisher}.
   * Deleting a conversation also runs {@code alsoDelete} (its support cases).
   */
  public List<Routes> routes(
      KnowledgeBase knowledge,
      ContentPublisher publisher,
      TextAnalysis analysis,
      Path content,
      ToIntFunction<String> alsoDelete) {
    List<Routes> routes = new ArrayList<>();
    if (store != null) {
      EventRepository events = new EventRepository(store);
      AuditLog audit = new AuditLog(store, clock);
      routes.add(new RecordingRoutes(recorder, shown, knowledge));
      routes.add(new PrivacyRoutes(events, audit, clock, alsoDelete));
      routes.add(
          new UnansweredRoutes(
              new UnansweredFinder(store, analysis),
              new UnansweredActions(store, knowledge, publisher, content, audit, clock),
              knowledge,
              clock));
      routes.add(new InsightsRoutes(new InsightsQueries(store), this::recording, clock));
    }
    return routes;
  }

  private InsightsReport.Recording recording() {
    return new InsightsReport.Recording(
        recorder.on(), recorder.queued(), recorder.dropped(), store.description(), retentionDays);
  }

  @Override
  public void close() {
    recorder.close();
    if (purge != null) {
      purge.close();
    }
    if (store != null) {
      store.close();
    }
  }
}
