package no.faqbot.widget;

import java.nio.file.Path;
import no.faqbot.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server over the shipped content per test class, and a fresh Chromium per test (started by the
 * subclass's {@code @BeforeEach}, closed here).
 */
abstract class BrowserTestBase {
  @TempDir static Path tmp;
  static TestServer server;
  Browser browser;

  @BeforeAll
  static void startServer() {
    server = new TestServer(Path.of("content"), tmp.resolve("index"));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void quitBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
