package no.faqbot.widget;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through its own ChromeDriver (never Selenium Manager's downloads).
 * Missing Chromium skips the browser tests locally with a notice; under CI=true it fails them. The
 * tests share one ({@link SharedBrowser}), cleaned between them by {@link #reset}.
 */
final class Browser implements AutoCloseable {
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");
  private static final Dimension WINDOW = new Dimension(1280, 900);

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start() throws IOException {
    boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
    if (!present) {
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(
            "Chromium is missing under CI: .ci/run must install chromium and chromium-driver");
      }
      Assumptions.assumeTrue(
          false,
          "Chromium not installed: browser tests skipped (apt-get install chromium chromium-driver to run them)");
    }
    Path profile = Files.createTempDirectory("faqbot-chromium");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER)
            .usingAnyFreePort()
            .withEnvironment(
                Map.of(
                    "XDG_CACHE_HOME",
                    profile.resolve("cache").toString(),
                    "XDG_CONFIG_HOME",
                    profile.resolve("config").toString()))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
        "--user-data-dir=" + profile.resolve("profile"));
    Path downloads = Files.createDirectories(profile.resolve("downloads"));
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    Browser browser = new Browser(driver, profile);
    browser.recordCspViolations();
    return browser;
  }

  /**
   * Records every Content-Security-Policy violation on every page of this window, before the page's
   * own code runs.
   */
  private void recordCspViolations() {
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        Map.of(
            "source",
            "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', "
                + "e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"));
  }

  /**
   * Makes this browser meet the next test as a new one would: a new window (no session storage,
   * history or emulated touch screen and colour scheme; the others are closed), no cookies, nothing
   * stored for {@code origins} (the widget keeps its conversation there), and no downloads.
   */
  void reset(Collection<String> origins) throws IOException {
    driver.switchTo().newWindow(WindowType.WINDOW);
    String fresh = driver.getWindowHandle();
    for (String handle : driver.getWindowHandles()) {
      if (!handle.equals(fresh)) {
        driver.switchTo().window(handle).close();
      }
    }
    driver.switchTo().window(fresh);
    driver.manage().window().setSize(WINDOW);
    recordCspViolations();
    for (String origin : origins) {
      driver.executeCdpCommand(
          "Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
    }
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    try (var files = Files.list(downloads())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
  }

  /** Where downloads land. */
  Path downloads() {
    return profile.resolve("downloads");
  }

  /** The widget's shadow root (an open one on an element the script appended to the body). */
  SearchContext widget() {
    WebElement host =
        wait(10)
            .until(
                d ->
                    (WebElement)
                        ((JavascriptExecutor) d)
                            .executeScript(
                                "return Array.from(document.body.children).find(e => e.shadowRoot) || null;"));
    return host.getShadowRoot();
  }

  WebElement hook(String name) {
    return wait(10)
        .until(
            d -> {
              var found = widget().findElements(By.cssSelector("[data-faqbot='" + name + "']"));
              return found.isEmpty() ? null : found.get(found.size() - 1);
            });
  }

  /**
   * axe-core's violations on the page as it is now, widget (open shadow root) included: "rule:
   * node" lines. axe-core is vendored in the test resources (src/test/resources/axe), nothing is
   * fetched.
   */
  @SuppressWarnings("unchecked")
  java.util.List<String> axeViolations() throws IOException {
    try (var in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
      driver.executeScript(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.flatMap(v => "
                + "v.nodes.map(n => v.id + ': ' + JSON.stringify(n.target) + ' ' + n.failureSummary))),"
                + " e => done(['axe failed: ' + e]));");
    return (java.util.List<String>) result;
  }

  /** The bot's messages in the chat, oldest first. */
  List<WebElement> botMessages() {
    return widget().findElements(By.cssSelector("[data-faqbot='message-bot']"));
  }

  /** The bot's newest message. */
  WebElement lastBot() {
    List<WebElement> all = botMessages();
    return all.get(all.size() - 1);
  }

  /** The first bot message that contains {@code text}, waiting up to 15 s for it. */
  WebElement waitForBot(String text) {
    return wait(15)
        .until(
            d ->
                botMessages().stream()
                    .filter(m -> m.getText().contains(text))
                    .findFirst()
                    .orElse(null));
  }

  /**
   * The first element under {@code within} that {@code css} selects and {@code which} accepts,
   * waiting up to {@code seconds} for one.
   */
  WebElement waitFor(int seconds, SearchContext within, String css, Predicate<WebElement> which) {
    return waitFor(seconds, () -> within, css, which);
  }

  /** The same, under what {@code within} gives at each look (the newest message, say). */
  WebElement waitFor(
      int seconds, Supplier<SearchContext> within, String css, Predicate<WebElement> which) {
    return wait(seconds)
        .until(
            d ->
                within.get().findElements(By.cssSelector(css)).stream()
                    .filter(which)
                    .findFirst()
                    .orElse(null));
  }

  /** {@link #waitFor(int, SearchContext, String, Predicate)} on the whole page. */
  WebElement waitFor(int seconds, String css, Predicate<WebElement> which) {
    return waitFor(seconds, driver, css, which);
  }

  /** Sends the staff login form this page shows. */
  void logIn(String user, String password) {
    driver.findElement(By.id("user")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
  }

  /** What the Content-Security-Policy blocked on this page, "directive uri" each. */
  List<?> cspViolations() {
    return (List<?>) driver.executeScript("return window.__cspViolations || [];");
  }

  /** A picture of the page as it is now. */
  void screenshot(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  /** The e-mail step's primary button once it says {@code label}, waiting up to 10 s. */
  WebElement sendEmailButton(String label) {
    return wait(10)
        .until(
            d -> {
              WebElement b = hook("send-email");
              return b.getText().equals(label) ? b : null;
            });
  }

  /** Clicks the option {@code label} of the newest message once it is shown and enabled. */
  void choose(String label) {
    waitFor(
            10,
            this::lastBot,
            "[data-faqbot='option']",
            o -> o.getText().strip().equals(label) && o.isDisplayed() && o.isEnabled())
        .click();
  }

  /** Types {@code message} into the open chat and sends it. */
  void ask(String message) {
    hook("input").sendKeys(message);
    hook("send").click();
  }

  /** A small file in {@code dir} that passes as a PNG by its first bytes, for the upload field. */
  static Path png(Path dir, String name) throws IOException {
    return Files.write(
        dir.resolve(name),
        new byte[] {
          (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
        });
  }

  /** Clicks the e-mail step's "Vis e-posten" and waits for the preview. */
  WebElement showEmail(WebElement step) {
    step.findElements(By.cssSelector("button")).stream()
        .filter(b -> b.getText().equals("Vis e-posten"))
        .findFirst()
        .orElseThrow()
        .click();
    return wait(15)
        .until(d -> step.findElements(By.cssSelector("pre")).stream().findFirst().orElse(null));
  }

  WebDriverWait wait(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  @Override
  public void close() {
    driver.quit();
    try (var walk = Files.walk(profile)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder; the OS cleans it eventually
    }
  }
}
