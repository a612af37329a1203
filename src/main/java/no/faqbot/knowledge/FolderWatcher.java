package no.faqbot.knowledge;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder and every folder under it (also those made later) on a thread of its own, and
 * runs a task once a burst of changes is over.
 */
final class FolderWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

  private final WatchService watcher;
  private final Thread thread;

  /**
   * Starts watching {@code root}; {@code changed} runs after each burst of changes, once the folder
   * has been quiet for {@code quietMillis}.
   */
  FolderWatcher(Path root, long quietMillis, Runnable changed) throws IOException {
    watcher = FileSystems.getDefault().newWatchService();
    registerAll(root);
    thread = new Thread(() -> watch(quietMillis, changed), "faqbot-content-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void watch(long quietMillis, Runnable changed) {
    try {
      while (true) {
        WatchKey key = watcher.take();
        drain(key);
        // Debounce: keep collecting until the folder has been quiet for a moment.
        WatchKey more;
        while ((more = watcher.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        changed.run();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  private void drain(WatchKey key) {
    Path dir = (Path) key.watchable();
    key.pollEvents()
        .forEach(
            event -> {
              if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path created = dir.resolve((Path) event.context());
                if (Files.isDirectory(created)) {
                  registerAll(created);
                }
              }
            });
    key.reset();
  }

  private void registerAll(Path root) {
    try (Stream<Path> dirs = Files.walk(root)) {
      dirs.filter(Files::isDirectory)
          .forEach(
              d -> {
                try {
                  d.register(
                      watcher,
                      StandardWatchEventKinds.ENTRY_CREATE,
                      StandardWatchEventKinds.ENTRY_MODIFY,
                      StandardWatchEventKinds.ENTRY_DELETE);
                } catch (IOException e) {
                  LOG.warn("Cannot watch {}: {}", d, e.toString());
                }
              });
    } catch (IOException e) {
      LOG.warn("Cannot watch {}: {}", root, e.toString());
    }
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      watcher.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
