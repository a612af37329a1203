package no.faqbot.widget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The browser tests' one Chromium: started by the first test that needs it, quit when the run ends
 * (JUnit closes what its root store holds), and {@linkplain Browser#reset reset} after each test.
 * Starting Chromium for every test took longer than most of the tests.
 *
 * <pre>
 * &#64;RegisterExtension final SharedBrowser chromium = new SharedBrowser(server::base);
 * </pre>
 */
final class SharedBrowser implements BeforeEachCallback, AfterEachCallback {
  private static final Namespace NAMESPACE = Namespace.create(SharedBrowser.class);

  private final Supplier<String> origin;
  private Browser browser;

  /** For tests that start their own server: only the origin of the last page is cleaned. */
  SharedBrowser() {
    this(() -> null);
  }

  /**
   * {@code origin} (the test server's {@code http://127.0.0.1:port}) is cleaned after each test.
   */
  SharedBrowser(Supplier<String> origin) {
    this.origin = origin;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    browser =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Browser.class, key -> start(), Browser.class);
  }

  private static Browser start() {
    try {
      return Browser.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The browser, for the running test. */
  Browser get() {
    if (browser == null) {
      throw new IllegalStateException("the browser is there only while a test runs");
    }
    return browser;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (browser == null) {
      return;
    }
    Set<String> origins = new LinkedHashSet<>();
    try {
      if (origin.get() != null) {
        origins.add(origin.get());
      }
      URI page = URI.create(browser.driver.getCurrentUrl());
      if (page.getScheme() != null && page.getScheme().startsWith("http")) {
        origins.add(page.getScheme() + "://" + page.getAuthority());
      }
      browser.reset(origins);
    } catch (IOException | RuntimeException e) {
      // A browser that cannot be cleaned is not used again: the next test starts a new one.
      context.getRoot().getStore(NAMESPACE).remove(Browser.class);
      browser.close();
    } finally {
      browser = null;
    }
  }
}
