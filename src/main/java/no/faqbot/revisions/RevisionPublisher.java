package no.faqbot.revisions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import no.faqbot.content.ContentFiles;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.knowledge.ContentChange;
import no.faqbot.knowledge.ContentPublisher;
import no.faqbot.knowledge.ContentRejectedException;
import no.faqbot.knowledge.ContentReloader;
import no.faqbot.knowledge.StaleRevisionException;
import no.faqbot.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes through the revision log: the newest revision with the change applied is checked,
 * appended (refused when its base is stale), written into this replica's content folder and
 * reloaded. Other replicas follow it ({@link RevisionFollower}). Everything that touches the folder
 * holds the reloader's lock, so the watcher, staff actions and the follower take turns.
 */
public final class RevisionPublisher implements ContentPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(RevisionPublisher.class);

  /** A change published with {@link ContentChange#ANY_BASE} is tried this often on a race. */
  private static final int TRIES = 3;

  private final RevisionLog log;
  private final ContentLoader loader;
  private final ContentReloader reloader;
  private final Path root;
  private final boolean folderMayLead;

  /** The fingerprint of the revision the folder was last made to hold. */
  private volatile String revisionFingerprint = "";

  /** A revision this replica could not serve: not tried again until a newer one comes. */
  private volatile long refused;

  /**
   * @param folderMayLead whether a valid folder that differs from the newest revision at start is
   *     published (one machine, the embedded store: the folder is the truth there, changed by
   *     editors and git, also while faqbot was stopped; publishing writes it too) instead of being
   *     replaced by the newest revision (replicas: a folder deployed with a replica may be old)
   */
  public RevisionPublisher(
      RevisionLog log, ContentLoader loader, ContentReloader reloader, boolean folderMayLead) {
    this.log = log;
    this.loader = loader;
    this.reloader = reloader;
    this.root = loader.root();
    this.folderMayLead = folderMayLead;
  }

  public RevisionLog log() {
    return log;
  }

  @Override
  public long servedRevision() {
    return reloader.servedRevision();
  }

  @Override
  public Published publish(ContentChange change) {
    return publish(
        change.baseRevision(),
        files -> {
          Map<String, byte[]> next = new TreeMap<>(files);
          change.deleted().forEach(next::remove);
          change
              .files()
              .forEach((path, text) -> next.put(path, text.getBytes(StandardCharsets.UTF_8)));
          return next;
        },
        change.author(),
        change.message());
  }

  /** Publishes the files of revision {@code number} again as the newest revision. */
  public Published restore(long number, String author) {
    Map<String, byte[]> old = log.files(number);
    return publish(ContentChange.ANY_BASE, files -> old, author, "restore revision " + number);
  }

  /** Publishes {@code files} (a complete content set) as the newest revision. */
  public Published publishAll(Map<String, byte[]> files, String author, String message) {
    return publish(ContentChange.ANY_BASE, any -> files, author, message);
  }

  private Published publish(
      long base, UnaryOperator<Map<String, byte[]>> change, String author, String message) {
    for (int attempt = 1; ; attempt++) {
      synchronized (reloader) {
        long newest = log.newestNumber();
        if (base != ContentChange.ANY_BASE && base != newest) {
          throw new StaleRevisionException(base, newest);
        }
        Map<String, byte[]> files = change.apply(newest == 0 ? folderFiles() : log.files(newest));
        ContentSnapshot checked = loader.load(files);
        if (!checked.problems().isEmpty()) {
          throw new ContentRejectedException(checked.problems());
        }
        Revision added;
        try {
          added = log.append(newest, files, checked.fingerprint(), author, message);
        } catch (StaleRevisionException e) {
          if (base != ContentChange.ANY_BASE || attempt == TRIES) {
            throw e;
          }
          continue; // someone published meanwhile: apply the change to theirs
        }
        LOG.info("Published content revision {} by {}: {}", added.number(), author, message);
        serve(added, files);
        return new Published(added.number(), added.fingerprint());
      }
    }
  }

  /**
   * Before the first load: makes the folder hold the newest revision, or makes the folder the first
   * revision when the store has none (author {@code bootstrap}). With {@code folderMayLead}, a
   * valid folder that differs from the newest is published instead (changed while faqbot was
   * stopped), and one with problems is left alone (an edit in progress).
   */
  public void startUp() {
    synchronized (reloader) {
      Optional<Revision> newest = log.newest();
      Map<String, byte[]> folder = folderFiles();
      String fingerprint = ContentFiles.fingerprint(folder);
      if (newest.isPresent() && newest.get().fingerprint().equals(fingerprint)) {
        served(newest.get());
        return;
      }
      boolean lead = newest.isEmpty() || folderMayLead;
      if (lead) {
        ContentSnapshot checked = loader.load(folder);
        if (checked.problems().isEmpty()) {
          try {
            Revision first =
                log.append(
                    newest.map(Revision::number).orElse(0L),
                    folder,
                    fingerprint,
                    newest.isEmpty() ? "bootstrap" : osUser(),
                    newest.isEmpty()
                        ? "the content folder at the first start with revisions"
                        : "the content folder, changed while faqbot was stopped");
            LOG.info("Content folder {} published as revision {}", root, first.number());
            served(first);
            return;
          } catch (StaleRevisionException e) {
            // another replica started first: follow what it published
            newest = log.newest();
          }
        } else if (newest.isEmpty()) {
          LOG.warn(
              "The content folder has {} problem(s), so it is not made a revision; the first"
                  + " valid change will be",
              checked.problems().size());
          return;
        } else {
          // One machine: an edit in progress is never overwritten. Served as it loads; once it
          // loads without problems, the watcher publishes it on top of the newest revision.
          LOG.warn(
              "The content folder has {} problem(s) and differs from revision {}; it is kept as"
                  + " it is",
              checked.problems().size(),
              newest.get().number());
          reloader.servingRevision(newest.get().number());
          return;
        }
      }
      Revision wanted = newest.orElseThrow();
      LOG.info(
          "Content folder {} replaced by revision {} (the newest in the store)",
          root,
          wanted.number());
      write(log.files(wanted.number()));
      served(wanted);
    }
  }

  /** Serves the newest revision when it is newer than the one served. */
  public void catchUp() {
    long newest = log.newestNumber();
    if (newest <= reloader.servedRevision() || newest == refused) {
      return;
    }
    synchronized (reloader) {
      Optional<Revision> revision = log.newest();
      if (revision.isEmpty() || revision.get().number() <= reloader.servedRevision()) {
        return;
      }
      serve(revision.get(), log.files(revision.get().number()));
    }
  }

  /**
   * After the watcher reloaded an edit made in the folder itself: a served change that is not the
   * revision written there is published, so the other replicas get it too. When another revision
   * came first, the edit is dropped and the newest one follows.
   */
  public void folderChanged(ContentReloader.ReloadStatus status) {
    if (!status.served()) {
      return;
    }
    synchronized (reloader) {
      String served = reloader.servedFingerprint();
      if (served.equals(revisionFingerprint)) {
        return;
      }
      Map<String, byte[]> folder = folderFiles();
      if (!ContentFiles.fingerprint(folder).equals(served)) {
        return; // changed again since: the watcher's next reload comes back here
      }
      // Served, so checked; the files are the folder's own, so nothing is written back (that
      // could undo a save made meanwhile).
      try {
        Optional<Revision> newest = log.newest();
        if (newest.isPresent() && newest.get().fingerprint().equals(served)) {
          served(newest.get()); // written by a publish on this machine: it is that revision
          return;
        }
        Revision added =
            log.append(reloader.servedRevision(), folder, served, osUser(), "edited in " + root);
        LOG.info("An edit in {} was published as revision {}", root, added.number());
        served(added);
      } catch (StaleRevisionException e) {
        LOG.warn(
            "An edit in {} was made on revision {} but revision {} is newer; it is dropped and the"
                + " newest served (publish the edit again on top of it)",
            root,
            reloader.servedRevision(),
            e.newest());
      } catch (StoreUnavailableException e) {
        LOG.warn("An edit in {} was served here but not published: {}", root, e.getMessage());
      }
    }
  }

  private void serve(Revision revision, Map<String, byte[]> files) {
    write(files);
    ContentReloader.ReloadStatus status = reloader.reload(revision.number());
    if (status.served()) {
      revisionFingerprint = revision.fingerprint();
    } else {
      refused = revision.number();
      LOG.error(
          "Content revision {} has problems here ({}); the last good content keeps serving",
          revision.number(),
          status.problems().isEmpty() ? "?" : status.problems().get(0));
    }
  }

  private void served(Revision revision) {
    reloader.servingRevision(revision.number());
    revisionFingerprint = revision.fingerprint();
  }

  private void write(Map<String, byte[]> files) {
    try {
      ContentFolder.write(root, files);
    } catch (IOException e) {
      throw new UncheckedIOException("the content folder " + root + " could not be written", e);
    }
  }

  private Map<String, byte[]> folderFiles() {
    try {
      return ContentFiles.files(root);
    } catch (IOException e) {
      throw new UncheckedIOException("the content folder " + root + " could not be read", e);
    }
  }

  /** Who edits files on this machine: the user faqbot runs as. */
  public static String osUser() {
    return System.getProperty("user.name", "unknown");
  }
}
