package no.faqbot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import no.faqbot.FaqbotServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A merchant over the chat limit sees the widget's own plain Norwegian message with a way to try
 * again, not the server's text (which names seconds and both languages) or an error code.
 */
@Tag("browser")
class RateLimitedWidgetBrowserTest {
  /** widget.js's {@code busyErr} in bokmål. */
  private static final String BUSY =
      "Du har sendt mange meldinger på kort tid. Vent litt og prøv igjen.";

  @RegisterExtension
  static final FaqbotServer server = new FaqbotServer(s -> s.limit("FAQBOT_LIMIT_CHAT", "1/min"));

  @RegisterExtension final SharedBrowser chromium = new SharedBrowser(server::base);

  @Test
  void the_widget_says_in_norwegian_that_too_many_requests_were_sent_and_offers_to_retry()
      throws Exception {
    Browser browser = chromium.get();
    browser.driver.get(server.base() + "/");
    browser.hook("launcher").click();
    browser.ask("hvor finner jeg butikk-id");
    browser.waitForBot("velkomstmailen"); // the one message the limit allows is answered
    int before = browser.botMessages().size();
    browser.ask("når utløper en ordre");

    WebElement busy = browser.waitForBot("mange meldinger");
    assertEquals(before + 1, browser.botMessages().size(), "one message for the refused question");
    // Its lines: who speaks (for screen readers), the text, then the buttons.
    String said = busy.getText();
    assertTrue(said.lines().map(String::strip).anyMatch(BUSY::equals), said);
    for (String serverWords :
        List.of("For mange forespørsler", "Too many", "rate_limited", "429")) {
      assertFalse(said.contains(serverWords), "the server's wording is not shown: " + said);
    }
    List<String> actions =
        busy.findElements(By.cssSelector("[data-faqbot='action']")).stream()
            .map(a -> a.getText().strip())
            .toList();
    assertEquals(List.of("Prøv igjen"), actions, "the question can be sent again");
    assertFalse(
        browser.botMessages().stream().anyMatch(m -> m.getText().contains("28 dager")),
        "the refused question is not answered");
  }
}
