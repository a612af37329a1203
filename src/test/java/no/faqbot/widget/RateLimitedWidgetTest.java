package no.faqbot.widget;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.faqbot.TestServer;
import no.faqbot.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/**
 * A merchant over the chat limit sees a plain Norwegian message, not the server's text or an error
 * code.
 */
class RateLimitedWidgetTest {
  @TempDir Path tmp;

  private static void ask(Browser browser, String message) {
    browser.hook("input").sendKeys(message);
    browser.hook("send").click();
  }

  private static List<String> botTexts(Browser browser) {
    return browser.widget().findElements(By.cssSelector("[data-faqbot='message-bot']")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static void waitForBot(Browser browser, String text) {
    browser.wait(15).until(d -> botTexts(browser).stream().anyMatch(t -> t.contains(text)));
  }

  @Test
  void the_widget_says_in_norwegian_that_too_many_requests_were_sent() throws Exception {
    Settings settings =
        new Settings(
                "127.0.0.1",
                0,
                Path.of("content"),
                tmp.resolve("index"),
                Settings.DEFAULT_SUPPORT_EMAIL)
            .withLimits(Map.of("FAQBOT_LIMIT_CHAT", "1/min"));
    try (TestServer server = new TestServer(settings);
        Browser browser = Browser.start()) {
      browser.driver.get(server.base() + "/");
      browser.hook("launcher").click();
      ask(browser, "hvor finner jeg butikk-id");
      waitForBot(browser, "velkomstmailen");
      ask(browser, "når utløper en ordre");
      try {
        waitForBot(browser, "Du har sendt mange meldinger på kort tid");
      } catch (TimeoutException e) {
        throw new AssertionError("bot said: " + botTexts(browser), e);
      }
    }
  }
}
