package no.faqbot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import no.faqbot.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The widget in a real browser, on the demo page with its strict Content-Security-Policy. */
@Tag("browser")
class WidgetBrowserTest extends BrowserTestBase {
  @BeforeEach
  void open() throws IOException {
    browser.driver.get(server.base() + "/");
  }

  @Test
  void a_merchant_asks_and_gets_the_answer_on_a_strict_csp_page() throws Exception {
    browser.hook("launcher").click();
    browser.ask("hvor finner jeg butikk-id");
    browser.waitForBot("velkomstmailen");
    // The picture in docs/ is refreshed on purpose only: mvn test
    // -Dfaqbot.screenshot=docs/widget.png
    browser.screenshot(Path.of(System.getProperty("faqbot.screenshot", "target/widget.png")));
    List<?> cspErrors = browser.cspViolations();
    assertTrue(cspErrors.isEmpty(), "no CSP violations: " + cspErrors);
  }

  @Test
  void html_in_a_message_shows_as_text_and_runs_nothing() {
    browser.hook("launcher").click();
    String payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
    browser.ask(payload);
    WebElement mine =
        browser.waitFor(
            10, browser::widget, "[data-faqbot='message-user']", m -> m.getText().contains("<img"));
    assertTrue(mine.getText().contains("<script>"));
    browser.wait(10).until(d -> browser.botMessages().size() >= 1);
    assertEquals(
        null,
        ((JavascriptExecutor) browser.driver)
            .executeScript("return window.__xss === undefined ? null : window.__xss;"));
  }

  @Test
  void the_conversation_survives_a_reload() {
    browser.hook("launcher").click();
    browser.ask("hvor finner jeg butikk-id");
    browser.waitForBot("velkomstmailen");
    browser.driver.navigate().refresh();
    WebElement kept = waitForBotAfterReload("velkomstmailen");
    assertTrue(kept.isDisplayed() || !kept.getText().isEmpty());
  }

  private WebElement waitForBotAfterReload(String text) {
    return browser
        .wait(15)
        .until(
            d -> {
              List<WebElement> found =
                  browser.widget().findElements(By.cssSelector("[data-faqbot='message-bot']"));
              if (found.isEmpty()) {
                List<WebElement> launcher =
                    browser.widget().findElements(By.cssSelector("[data-faqbot='launcher']"));
                if (!launcher.isEmpty()
                    && "false".equals(launcher.get(0).getAttribute("aria-expanded"))) {
                  launcher.get(0).click();
                }
                return null;
              }
              return found.stream()
                  .filter(m -> m.getAttribute("textContent").contains(text))
                  .findFirst()
                  .orElse(null);
            });
  }

  @Test
  void keyboard_only_open_ask_and_close_returns_focus_to_the_launcher() {
    WebElement launcher = browser.hook("launcher");
    ((JavascriptExecutor) browser.driver).executeScript("arguments[0].focus();", launcher);
    launcher.sendKeys(Keys.ENTER);
    WebElement input = browser.hook("input");
    browser.wait(5).until(d -> input.equals(activeInWidget()));
    input.sendKeys("hvor finner jeg butikk-id", Keys.ENTER);
    browser.waitForBot("velkomstmailen");
    activeInWidget().sendKeys(Keys.ESCAPE);
    browser
        .wait(5)
        .until(d -> "false".equals(browser.hook("launcher").getAttribute("aria-expanded")));
    assertEquals("launcher", activeInWidget().getAttribute("data-faqbot"));
  }

  private WebElement activeInWidget() {
    return (WebElement)
        ((JavascriptExecutor) browser.driver)
            .executeScript(
                "const h = Array.from(document.body.children).find(e => e.shadowRoot); return h.shadowRoot.activeElement;");
  }

  /**
   * The buttons to press (null for a form) on the shortest way from the start to the e-mail step.
   */
  static List<String> pathToEmail(no.faqbot.flow.Flow flow) {
    Map<String, List<String>> paths = new HashMap<>();
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(flow.start()));
    paths.put(flow.start(), List.of());
    while (!todo.isEmpty()) {
      String id = todo.poll();
      no.faqbot.flow.Step step = flow.step(id);
      if (step.kind() == no.faqbot.flow.StepKind.EMAIL) {
        return paths.get(id);
      }
      Map<String, String> moves = new LinkedHashMap<>();
      switch (step.kind()) {
        case CHOICE -> step.options().forEach(o -> moves.putIfAbsent(o.next(), o.label().in("nb")));
        case INFO -> {
          moves.putIfAbsent(step.next(), "Nei, det virker fortsatt ikke");
          moves.putIfAbsent(step.resolved(), "Ja, det hjalp");
        }
        case FORM -> moves.putIfAbsent(step.next(), null);
        default -> {}
      }
      moves.forEach(
          (next, label) -> {
            if (!paths.containsKey(next)) {
              List<String> p = new ArrayList<>(paths.get(id));
              p.add(label);
              paths.put(next, p);
              todo.add(next);
            }
          });
    }
    throw new AssertionError("flow has no e-mail step");
  }

  @Test
  void a_flow_is_walked_to_the_email_step_with_a_screenshot_preview_and_eml() throws Exception {
    no.faqbot.flow.Flow flow = servedFlow("failed-test-purchase");
    browser.hook("launcher").click();
    browser.ask(flow.triggers().get("nb").get(0));
    for (String label : pathToEmail(flow)) {
      int before = browser.botMessages().size();
      if (label == null) {
        plainFieldError();
        fillVisibleForm();
      } else {
        browser.choose(label);
      }
      browser.wait(10).until(d -> browser.botMessages().size() > before);
    }
    browser
        .wait(10)
        .until(
            d ->
                !browser
                    .widget()
                    .findElements(By.cssSelector("input[name='merchantEmail']"))
                    .isEmpty());
    WebElement file = browser.hook("file");
    Path png = Browser.png(tmp, "skjermbilde.png");
    file.sendKeys(png.toString());
    fillVisibleForm();
    assertTrue(
        browser.botMessages().stream()
            .filter(m -> m.getText().contains("Steg 3 av"))
            .anyMatch(m -> !m.findElements(By.cssSelector("[data-faqbot='contact']")).isEmpty()),
        "a shortcut to a person");
    WebElement step = browser.botMessages().get(browser.botMessages().size() - 1);
    assertTrue(
        step.findElements(By.cssSelector(".fb-summary")).size() == 1
            && step.findElements(By.cssSelector("[data-faqbot='edit']")).size() == 1,
        "the form's values as a summary with Endre");
    ((JavascriptExecutor) browser.driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'start'});",
            step.findElement(By.cssSelector(".fb-summary")));
    // The picture in docs/ is refreshed on purpose only: mvn test -Dfaqbot.docs=docs
    browser.screenshot(Path.of(System.getProperty("faqbot.docs", "target"), "widget-email.png"));
    WebElement preview =
        browser
            .wait(10)
            .until(
                d ->
                    browser.widget().findElements(By.cssSelector("button")).stream()
                        .filter(b -> b.getText().contains("Vis e-posten"))
                        .findFirst()
                        .orElse(null));
    preview.click();
    browser
        .wait(15)
        .until(
            d ->
                browser.widget().findElements(By.cssSelector("pre")).stream()
                    .anyMatch(p -> p.getText().contains("Saksreferanse")));
    assertTrue(
        browser.widget().findElements(By.cssSelector("*")).stream()
            .anyMatch(e -> e.getText().contains("skjermbilde.png")),
        "the preview lists the attached screenshot");
    WebElement download =
        browser.widget().findElements(By.cssSelector("button, a")).stream()
            .filter(b -> b.getText().contains(".eml"))
            .findFirst()
            .orElseThrow();
    download.click();
    Path eml =
        browser
            .wait(15)
            .until(
                d -> {
                  try (var files = Files.list(browser.downloads())) {
                    return files
                        .filter(f -> f.toString().endsWith(".eml"))
                        .findFirst()
                        .orElse(null);
                  } catch (IOException e) {
                    return null;
                  }
                });
    var message =
        new jakarta.mail.internet.MimeMessage(
            jakarta.mail.Session.getInstance(new Properties()), Files.newInputStream(eml));
    assertEquals("product-upgrade-support@klarna.com", message.getAllRecipients()[0].toString());
    assertEquals("butikk@example.no", message.getReplyTo()[0].toString());
    assertTrue(
        new String(Files.readAllBytes(eml), StandardCharsets.UTF_8).contains("skjermbilde.png"));
  }

  @Test
  void html_in_content_is_shown_safely_and_runs_nothing() throws Exception {
    Path content = no.faqbot.Fixtures.content("good", tmp.resolve("xss-" + System.nanoTime()));
    Files.writeString(
        content.resolve("faq/nb/order-expiry.md"),
        Files.readString(content.resolve("faq/nb/order-expiry.md"))
            .replace(
                "Nye ordrer har",
                "<img src=x onerror=\"window.__xss=3\"> <script>window.__xss=4</script> "
                    + "[klikk](javascript:window.__xss=5) Nye ordrer har"));
    try (TestServer other =
        new TestServer(content, tmp.resolve("xss-index-" + System.nanoTime()))) {
      browser.driver.get(other.base() + "/");
      browser.hook("launcher").click();
      browser.ask("når utløper en ordre");
      WebElement answer = browser.waitForBot("28 dager");
      for (WebElement link : answer.findElements(By.cssSelector("a"))) {
        link.click();
      }
      assertEquals(0, answer.findElements(By.cssSelector("img, script")).size());
      assertEquals(
          null,
          ((JavascriptExecutor) browser.driver)
              .executeScript("return window.__xss === undefined ? null : window.__xss;"));
    }
  }

  /** A store ID the server refuses comes back in the merchant's words, not the API's. */
  private void plainFieldError() {
    List<WebElement> forms = browser.widget().findElements(By.cssSelector("form"));
    WebElement form = forms.get(forms.size() - 1);
    List<WebElement> storeId = form.findElements(By.cssSelector("input[name=storeId]"));
    if (storeId.isEmpty()) {
      return;
    }
    storeId.get(0).sendKeys("abc!");
    form.findElements(By.cssSelector("input[type=email]"))
        .forEach(e -> e.sendKeys("butikk@example.no"));
    form.findElements(By.cssSelector("input, textarea")).stream()
        .filter(e -> e.getAttribute("required") != null && e.getAttribute("value").isEmpty())
        .forEach(e -> e.sendKeys("400"));
    form.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement err = browser.waitFor(10, form, ".fb-err", WebElement::isDisplayed);
    assertTrue(err.getText().startsWith("Butikk-ID-en ser ikke riktig ut"), err.getText());
    storeId.get(0).clear();
    form.findElements(By.cssSelector("input, textarea")).forEach(WebElement::clear);
  }

  private void fillVisibleForm() {
    fillVisibleForm(browser);
  }

  /** Fills the newest form's empty visible fields with good values and submits a flow form. */
  static void fillVisibleForm(Browser browser) {
    List<WebElement> forms = browser.widget().findElements(By.cssSelector("form"));
    if (forms.isEmpty()) {
      return;
    }
    WebElement form = forms.get(forms.size() - 1);
    for (WebElement in : form.findElements(By.cssSelector("input, textarea"))) {
      String name = String.valueOf(in.getAttribute("name"));
      String type = String.valueOf(in.getAttribute("type"));
      if ("file".equals(type)
          || !in.isDisplayed()
          || !in.isEnabled()
          || !in.getAttribute("value").isEmpty()) {
        continue;
      }
      String value =
          switch (name) {
            case "merchantEmail" -> "butikk@example.no";
            case "storeId" -> "K123456";
            case "errorCode" -> "BAD_VALUE";
            case "httpStatus" -> "400";
            case "correlationId" -> "7f3c2a1e-9b1d";
            default -> "type".equals(type) ? "" : "WooCommerce";
          };
      if ("email".equals(type)) {
        value = "butikk@example.no";
      }
      in.sendKeys(value);
    }
    List<WebElement> submit = form.findElements(By.cssSelector("button[type=submit]"));
    if (!submit.isEmpty() && form.findElements(By.cssSelector("[data-faqbot='file']")).isEmpty()) {
      submit.get(submit.size() - 1).click();
    }
  }

  @Test
  void on_a_phone_the_open_panel_fills_the_screen_and_dark_mode_is_respected() {
    browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 760));
    browser.driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    browser.driver.navigate().refresh();
    browser.hook("launcher").click();
    WebElement panel = browser.hook("panel");
    browser.wait(5).until(d -> panel.isDisplayed());
    long viewport =
        (Long) ((JavascriptExecutor) browser.driver).executeScript("return window.innerWidth;");
    assertEquals(viewport, (long) panel.getRect().getWidth(), "full width on a narrow screen");
    String background =
        (String)
            ((JavascriptExecutor) browser.driver)
                .executeScript("return getComputedStyle(arguments[0]).backgroundColor;", panel);
    int[] rgb =
        Arrays.stream(background.replaceAll("[^0-9,]", "").split(","))
            .limit(3)
            .mapToInt(Integer::parseInt)
            .toArray();
    assertTrue(
        rgb[0] + rgb[1] + rgb[2] < 3 * 100, "dark background in dark mode, got " + background);
  }

  @Test
  void staff_log_in_search_as_they_type_and_preview_an_entry_as_the_widget_shows_it() {
    browser.driver.get(server.base() + "/staff/search");
    browser.logIn(server.app().settings().staff().user(), server.app().staff().generatedPassword());
    WebElement q = browser.waitFor(10, "#q", e -> true);
    assertEquals(q, browser.driver.switchTo().activeElement(), "the search box has focus on load");
    q.sendKeys("utbetalingsrapport pdf");
    WebElement first = browser.waitFor(10, ".results .result mark", e -> true);
    assertTrue(first.getText().length() > 2, "results appear as you type, with marked words");
    browser.driver.get(server.base() + "/staff/entries/find-store-id");
    String preview =
        browser
            .wait(10)
            .until(
                d -> {
                  Object text =
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "const h = document.getElementById('widget-preview'); return h && h.shadowRoot ? h.shadowRoot.textContent : null;");
                  return text != null && text.toString().contains("velkomstmailen")
                      ? text.toString()
                      : null;
                });
    assertTrue(preview.contains("Generelt"), preview);
  }
}
