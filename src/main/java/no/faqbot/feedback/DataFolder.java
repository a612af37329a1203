package no.faqbot.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether faqbot can write into its data folder. A folder that cannot be written is logged once
 * when writing starts failing and once when it works again, not at every request.
 */
final class DataFolder {
  private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);

  private final Path path;
  private boolean failing;

  DataFolder(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  synchronized void written(Path file) {
    if (failing) {
      failing = false;
      LOG.info("Writing to {} works again", file);
    }
  }

  synchronized void failed(Path file, IOException e) {
    if (!failing) {
      failing = true;
      LOG.error(
          "Cannot write {} ({}); feedback is refused with 503 until the data folder {} is writable "
              + "(FAQBOT_DATA); this is logged once",
          file,
          e.toString(),
          path);
    }
  }

  /**
   * {@code unwritable} after a failed write (until one works) or when the folder cannot be written
   * now.
   */
  synchronized String state() {
    return failing || !writable() ? "unwritable" : "ok";
  }

  /**
   * The folder, or the nearest folder above it that exists when it is not created yet, is writable.
   */
  private boolean writable() {
    Path p = path;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p != null && Files.isDirectory(p) && Files.isWritable(p);
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
