package no.faqbot.support;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import no.faqbot.web.WebServer;

/**
 * A private temporary folder (owner only) where the screenshots of a support request wait while it
 * is answered, instead of on the heap: ten requests of 5 × 5 MB would not fit in a small heap. Each
 * request's files are deleted when it ends, answered or broken off; the folder goes at stop.
 */
public final class UploadFolder implements AutoCloseable {
  private final Path path;

  private UploadFolder(Path path) {
    this.path = path;
  }

  /** A new folder under the system's temporary folder, readable by this user only. */
  public static UploadFolder create() {
    try {
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      return new UploadFolder(
          posix
              ? Files.createTempDirectory(
                  "faqbot-uploads-",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rwx------")))
              : Files.createTempDirectory("faqbot-uploads-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for uploads", e);
    }
  }

  /** The system's temporary folder, for tests that need no private one. */
  static Path systemTemp() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  public Path path() {
    return path;
  }

  /**
   * How Jetty reads a support request's multipart body: bounded, and spilled into this folder. One
   * file more than allowed still fits, so that too many files get their own clear answer.
   */
  MultipartConfigElement multipart(SupportLimits limits, long maxFields) {
    return new MultipartConfigElement(
        path.toString(),
        limits.maxFileBytes(),
        limits.maxFileBytes() * (limits.maxFiles() + 1) + maxFields,
        WebServer.IN_MEMORY_BYTES);
  }

  /** How many files are in the folder now: uploads being read or answered. */
  public long files() {
    try (Stream<Path> files = Files.list(path)) {
      return files.count();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    try (Stream<Path> all = Files.walk(path)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // already gone
    }
  }
}
