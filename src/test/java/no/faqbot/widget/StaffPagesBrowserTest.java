package no.faqbot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The staff pages as an editor and a support agent meet them, in a real browser. */
@Tag("browser")
class StaffPagesBrowserTest extends BrowserTestBase {
  @BeforeEach
  void logIn() throws IOException {
    browser.driver.get(server.base() + "/staff/search");
    browser.logIn(server.app().settings().staff().user(), server.app().staff().generatedPassword());
    browser.waitFor(10, "#q", e -> true);
  }

  @Test
  void the_content_status_has_a_summary_empty_states_links_and_diagrams_that_fit()
      throws IOException {
    browser.driver.get(server.base() + "/staff/content");
    WebElement summary = browser.driver.findElement(By.cssSelector(".summary"));
    assertTrue(
        summary.getText().contains("veiledninger") && summary.getText().contains("problemer"),
        summary.getText());
    assertTrue(
        browser.driver.findElements(By.cssSelector(".empty")).size() >= 1, "empty sections say so");
    assertTrue(
        browser.driver.findElements(By.cssSelector("main.status ul.ids li")).stream()
            .allMatch(
                li -> !li.findElements(By.cssSelector("a[href^='/staff/entries/']")).isEmpty()),
        "every id is a link");
    long width = browser.driver.findElement(By.cssSelector("main")).getSize().getWidth();
    List<WebElement> diagrams = browser.driver.findElements(By.cssSelector(".flow img"));
    assertEquals(3, diagrams.size());
    browser
        .wait(10)
        .until(
            d ->
                diagrams.stream()
                    .allMatch(
                        i ->
                            (Boolean)
                                browser.driver.executeScript(
                                    "return arguments[0].complete && arguments[0].naturalWidth > 0;",
                                    i)));
    for (WebElement img : diagrams) {
      assertTrue(img.getSize().getWidth() <= width, "the diagram fits the page: " + img.getSize());
    }
    List<String> violations = browser.axeViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));
    browser.screenshot(Path.of(System.getProperty("faqbot.docs", "target"), "staff-content.png"));
  }

  @Test
  void search_shows_what_the_chat_would_reply_and_every_result_can_be_copied() {
    WebElement q = browser.driver.findElement(By.id("q"));
    q.sendKeys("hvor finner jeg butikk-id");
    WebElement chat = browser.waitFor(10, ".chat-preview", e -> true);
    assertTrue(
        chat.getText().contains("answer")
            && chat.getText().contains("find-store-id")
            && chat.getText().contains("poengsum"),
        chat.getText());
    List<WebElement> results = browser.driver.findElements(By.cssSelector(".results .result"));
    assertTrue(results.size() > 1);
    for (WebElement r : results) {
      assertEquals(
          1, r.findElements(By.cssSelector("[data-copy]")).size(), "copy answer on each result");
    }
  }

  @Test
  void the_entry_preview_is_drawn_with_the_widgets_font_and_background() {
    browser.driver.get(server.base() + "/staff/entries/find-store-id");
    String font =
        browser
            .wait(10)
            .until(
                d ->
                    (String)
                        browser.driver.executeScript(
                            "const h = document.getElementById('widget-preview');"
                                + "const m = h.shadowRoot && h.shadowRoot.querySelector('.fb-msg');"
                                + "return m && h.shadowRoot.adoptedStyleSheets.length ? getComputedStyle(m).fontFamily : null;"));
    assertTrue(
        !font.toLowerCase(Locale.ROOT).contains("times") && font.contains("system-ui"), font);
    String background =
        (String)
            browser.driver.executeScript(
                "return getComputedStyle(document.getElementById('widget-preview').shadowRoot"
                    + ".querySelector('.fb-msg')).backgroundColor;");
    assertTrue(!background.contains("rgba(0, 0, 0, 0)"), "not transparent: " + background);
    assertEquals(
        "P",
        browser.driver.executeScript(
            "return document.getElementById('widget-preview').shadowRoot"
                + ".querySelector('.fb-q').tagName;"),
        "the question is its own paragraph, as in the widget");
  }
}
