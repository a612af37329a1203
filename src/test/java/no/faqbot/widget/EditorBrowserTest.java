package no.faqbot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import no.faqbot.FaqbotServer;
import no.faqbot.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An editor drafts a change to an entry in the browser, sees its problems while typing, sees which
 * replies the draft changes, publishes it, and the chat answers the new way.
 */
@Tag("browser")
class EditorBrowserTest {
  /**
   * A question merchants asked that no entry answers yet (made-up words, so no eval set has it).
   */
  private static final String ASKED = "hvor legger jeg inn blorfikskoden for zentravik";

  @RegisterExtension static final FaqbotServer server = new FaqbotServer(TestSettings::staff);
  @RegisterExtension final SharedBrowser chromium = new SharedBrowser(server::base);
  Browser browser;

  @BeforeEach
  void start() {
    browser = chromium.get();
  }

  private String chatType(String message) {
    return server.chat(message, "nb").json().path("type").asText();
  }

  @Test
  void an_editor_drafts_sees_the_impact_publishes_and_the_chat_answers_the_new_way()
      throws Exception {
    assertTrue(!"answer".equals(chatType(ASKED)), "not answered before");
    assertTrue(server.app().insights().recorder().flush(5000), "the question is stored");

    browser.driver.get(server.base() + "/staff/login");
    browser.logIn(TestSettings.STAFF_USER, TestSettings.STAFF_PASSWORD);
    browser.wait(10).until(d -> d.getCurrentUrl().contains("/staff/search"));
    browser.driver.get(server.base() + "/staff/entries/find-store-id?lang=nb");
    browser.driver.findElement(By.cssSelector("a.edit")).click();
    browser.wait(10).until(d -> d.getCurrentUrl().contains("/staff/editor/nb/find-store-id"));

    WebElement text = browser.driver.findElement(By.id("draft-text"));
    String original = text.getAttribute("value");
    assertTrue(original.contains("id: find-store-id"), original);
    // A mistake while typing is shown with its line, in plain words.
    String broken = original.replaceFirst("question: ", "question: \"");
    setText(text, broken);
    browser
        .wait(10)
        .until(
            d ->
                d.findElement(By.id("draft-problems")).getText().contains("linje 4:")
                    && d.findElement(By.id("draft-problems")).getText().contains("never closed"));
    // The fix: the question back, and the merchants' words as a new alternative.
    String draft =
        original.replaceFirst("alternatives:\n", "alternatives:\n  - \"" + ASKED + "\"\n");
    assertTrue(!draft.equals(original), "the entry has a block list of alternatives");
    setText(text, draft);
    browser
        .wait(10)
        .until(d -> d.findElement(By.id("draft-lint-state")).getText().contains("Ingen problemer"));

    browser.driver.findElement(By.id("draft-preview")).click();
    WebElement change =
        browser.waitFor(60, "#draft-impact .change", li -> li.getText().contains(ASKED));
    assertTrue(change.getText().contains("stored"), change.getText());
    assertTrue(change.getText().contains("→ answer find-store-id"), change.getText());
    assertTrue(
        browser.driver.findElement(By.cssSelector(".impact-table")).getText().contains("own"),
        "the quality gate's figures, live and draft");
    assertEquals(!"answer".equals(chatType(ASKED)), true, "a preview changes nothing live");

    browser.driver.findElement(By.id("draft-message")).sendKeys("merchants' words for the code");
    browser.driver.findElement(By.id("draft-publish")).click();
    browser
        .wait(20)
        .until(d -> d.findElement(By.id("draft-publish-state")).getText().startsWith("Publisert"));
    assertEquals("answer", chatType(ASKED), "the chat answers the new way");
    assertEquals(
        "find-store-id", server.chat(ASKED, "nb").json().path("answer").path("id").asText());
    assertTrue(
        Files.readString(server.content().resolve("faq/nb/find-store-id.md")).contains(ASKED),
        "published into the content folder");
    List<String> violations = browser.axeViolations();
    assertTrue(violations.isEmpty(), String.join("\n", violations));

    // Undo: the history lists the publish; restoring the revision before it brings the old
    // answer back.
    long published = server.get("/health").json().path("revision").asLong();
    browser.driver.get(server.base() + "/staff/history");
    WebElement row = browser.driver.findElement(By.id("r-" + published));
    assertTrue(row.getText().contains("merchants' words for the code"), row.getText());
    browser
        .driver
        .findElement(By.id("r-" + (published - 1)))
        .findElement(By.cssSelector("form button"))
        .click();
    browser.wait(20).until(d -> d.findElement(By.cssSelector("p.done")).isDisplayed());
    assertEquals(published + 1, server.get("/health").json().path("revision").asLong());
    assertTrue(!"answer".equals(chatType(ASKED)), "restore brings the old answer back");
  }

  /** Replaces the textarea's text as typing would, so its input event fires. */
  private void setText(WebElement area, String value) {
    browser.driver.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        area,
        value);
  }
}
