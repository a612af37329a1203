package no.faqbot.widget;

import java.nio.file.Path;
import no.faqbot.FaqbotServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server over the fixture content per test class, and a fresh Chromium per test (started by the
 * subclass's {@code @BeforeEach}, closed here).
 */
abstract class BrowserTestBase {
  @RegisterExtension static final FaqbotServer server = new FaqbotServer();

  /** A folder of each test's own, for files it uploads. */
  @TempDir Path tmp;

  Browser browser;

  @AfterEach
  void quitBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
