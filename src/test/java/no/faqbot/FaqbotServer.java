package no.faqbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension: the real server on a random port over a copy of fixture content ({@link
 * TestSettings#FIXTURE} unless the settings name another), in a folder of its own that is deleted
 * afterwards. As a static field, one server serves the whole class (and its {@code @Nested}
 * classes); as an instance field, each test gets a fresh one.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final FaqbotServer server = new FaqbotServer(s -&gt; s.staff().bodyDeadline(ofMillis(800)));
 * </pre>
 */
public final class FaqbotServer extends HttpTestClient
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final UnaryOperator<TestSettings> settings;
  private TestServer server;
  private Path dir;
  private int classes;
  private boolean perTest;

  /** The default settings over the default fixture. */
  public FaqbotServer() {
    this(s -> s);
  }

  /** {@code settings} changes the defaults ({@link TestSettings}: staff, limits, deadlines ...). */
  public FaqbotServer(UnaryOperator<TestSettings> settings) {
    this.settings = settings;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (classes++ == 0) {
      start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (--classes == 0) {
      stop();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (server == null) {
      perTest = true;
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  private void start() throws IOException {
    dir = Files.createTempDirectory("faqbot-test");
    server = new TestServer(settings.apply(TestSettings.in(dir)));
  }

  private void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      server = null;
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the test server's folder " + dir, e);
    }
  }

  private TestServer running() {
    if (server == null) {
      throw new IllegalStateException("the server runs only while a test of its class runs");
    }
    return server;
  }

  public App app() {
    return running().app();
  }

  /** The served content copy (tests may change it, for example to see a reload). */
  public Path content() {
    return app().settings().folders().content();
  }

  /** The folder with the content copy, index and data. */
  public Path dir() {
    running();
    return dir;
  }

  @Override
  public String base() {
    return running().base();
  }
}
