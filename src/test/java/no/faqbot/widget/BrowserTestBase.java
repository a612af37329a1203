package no.faqbot.widget;

import java.nio.file.Path;
import no.faqbot.FaqbotServer;
import no.faqbot.flow.Flow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server over the fixture content per test class, and the run's Chromium ({@link
 * SharedBrowser}), cleaned after each test.
 */
@Tag("browser")
abstract class BrowserTestBase {
  @RegisterExtension static final FaqbotServer server = new FaqbotServer();

  @RegisterExtension final SharedBrowser chromium = new SharedBrowser(server::base);

  /** A folder of each test's own, for files it uploads. */
  @TempDir Path tmp;

  Browser browser;

  @BeforeEach
  void takeBrowser() {
    browser = chromium.get();
  }

  /** The served content's flow {@code id}. */
  static Flow servedFlow(String id) {
    return server.app().knowledge().base().current().content().flow(id).orElseThrow();
  }
}
