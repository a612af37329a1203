package no.faqbot.revisions;

import java.time.Clock;
import java.util.List;
import no.faqbot.flow.FlowVersions;
import no.faqbot.insights.AuditLog;
import no.faqbot.knowledge.ContentPublisher;
import no.faqbot.knowledge.ContentReloader;
import no.faqbot.knowledge.FolderPublisher;
import no.faqbot.knowledge.KnowledgeFeature;
import no.faqbot.store.Store;
import no.faqbot.store.StoreSettings;
import no.faqbot.web.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How content changes go live, wired: through the revision log when there is a store (followed by
 * the other replicas, with the history page), else straight into the content folder.
 *
 * @param publisher the one way a content change goes live (staff actions, the editor, restores)
 * @param store the store the revisions are kept in; null for none
 * @param follower keeps this replica on the newest revision; null without a store
 */
public record RevisionsFeature(
    ContentPublisher publisher, ContentReloader reloader, Store store, RevisionFollower follower)
    implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RevisionsFeature.class);

  /**
   * Publishes into {@code knowledge}'s folder, through the revisions in {@code store} when there is
   * one (null for none): then flows of the last day's revisions stay in {@code flowVersions}, and
   * the follower starts (listening for PostgreSQL's notifications unless {@code settings} are
   * embedded).
   */
  public static RevisionsFeature wire(
      Store store,
      StoreSettings settings,
      KnowledgeFeature knowledge,
      FlowVersions flowVersions,
      Clock clock) {
    ContentReloader reloader = knowledge.reloader();
    if (store == null) {
      return new RevisionsFeature(
          new FolderPublisher(knowledge.loader().root(), reloader), reloader, null, null);
    }
    RevisionLog log = new RevisionLog(store, clock);
    // A flow version this replica never served may be in a revision of the last day.
    flowVersions.archive(new FlowArchive(log, clock));
    RevisionPublisher revisions =
        new RevisionPublisher(log, knowledge.loader(), reloader, settings.embedded());
    reloader.onFolderChange(revisions::folderChanged);
    RevisionFollower follower =
        new RevisionFollower(
            revisions, settings.embedded() ? null : settings, knowledge.base()::awaitReady);
    return new RevisionsFeature(revisions, reloader, store, follower.start());
  }

  /** What runs before the first load: with a store, the folder is made the newest revision. */
  public Runnable beforeFirstLoad() {
    if (!(publisher instanceof RevisionPublisher revisions)) {
      return () -> {};
    }
    return () -> {
      try {
        revisions.startUp();
      } catch (RuntimeException e) {
        // The folder as it is still serves; the follower catches up once the store answers.
        LOG.warn("Content revisions not read at start ({}); serving the folder", e.toString());
      }
    };
  }

  /** The content revisions in the store; null without one. */
  public RevisionLog log() {
    return publisher instanceof RevisionPublisher revisions ? revisions.log() : null;
  }

  /** The history page with its restores, audited; none without a store. */
  public List<Routes> routes(Clock clock) {
    if (!(publisher instanceof RevisionPublisher revisions)) {
      return List.of();
    }
    AuditLog audit = new AuditLog(store, clock);
    return List.of(
        new HistoryRoutes(
            revisions,
            reloader,
            (user, revision, as) ->
                audit.add(user, "content-restore", "revision " + revision + " as " + as)));
  }

  @Override
  public void close() {
    if (follower != null) {
      follower.close();
    }
  }
}
