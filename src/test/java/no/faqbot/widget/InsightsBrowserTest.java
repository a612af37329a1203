package no.faqbot.widget;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import no.faqbot.FaqbotServer;
import no.faqbot.TestSettings;
import no.faqbot.insights.Event;
import no.faqbot.insights.EventRepository;
import no.faqbot.insights.SupportEvent;
import no.faqbot.insights.TestEvents;
import no.faqbot.insights.VoteEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The review loop in a real browser: a message the widget cannot answer is listed as unanswered,
 * staff add it as an alternative to an entry, and the widget answers it from then on. Screenshots
 * of the insights pages go to {@code target/} (to {@code docs/} with {@code
 * -Dfaqbot.insightsShots=docs}).
 */
@Tag("browser")
class InsightsBrowserTest {
  static final String QUESTION = "kan jeg endre logoen i kassevinduet";
  @RegisterExtension final FaqbotServer server = new FaqbotServer(TestSettings::staff);
  @RegisterExtension final SharedBrowser chromium = new SharedBrowser(server::base);
  Browser browser;

  @BeforeEach
  void start() throws Exception {
    seed(new EventRepository(server.app().insights().store()));
    browser = chromium.get();
  }

  /** A month of made-up traffic, so the pages (and their screenshots) show something. */
  static void seed(EventRepository events) throws Exception {
    Random random = new Random(7);
    String[] entries = {
      "find-store-id", "refunds-old-eid", "addendum-price", "legacy-phase-out", "terms-download"
    };
    String[] steps = {"start", "check-mode", "check-keys", "email"};
    List<Event> batch = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (int i = 0; i < 1500; i++) {
      long at = now - (long) (random.nextDouble() * 29 * 86_400_000L);
      String conversation = String.format(Locale.ROOT, "%032x", i);
      int roll = random.nextInt(100);
      String entry = entries[random.nextInt(entries.length)];
      if (roll < 60) {
        batch.add(
            TestEvents.turn(at, conversation, "spørsmål " + entry, "answer", entry, 0.8, null));
        if (roll < 12) {
          batch.add(
              new VoteEvent(at + 1000, conversation, "nb", entry, roll > 3, "spørsmål " + entry));
        }
      } else if (roll < 75) {
        batch.add(
            TestEvents.turn(
                at, conversation, "hvordan får jeg rabatt på gebyr", "fallback", null, null, null));
      } else if (roll < 85) {
        batch.add(
            TestEvents.turn(
                at,
                conversation,
                "hjelp med bestilling",
                "suggestions",
                null,
                null,
                List.of(entries[0], entries[1])));
      } else {
        int depth = 1 + random.nextInt(steps.length);
        for (int s = 0; s < depth; s++) {
          batch.add(
              TestEvents.flowStep(
                  at + s,
                  conversation,
                  s == 0 ? "testkjøp feiler" : null,
                  "failed-test-purchase",
                  steps[s],
                  steps[s].equals("email") ? "email" : null));
        }
        if (depth == steps.length) {
          batch.add(
              new SupportEvent(at + 10, false, conversation, "nb", "FB-" + i, "Testkjøp", "E1"));
        }
      }
    }
    events.insert(batch);
  }

  private void shot(String name) throws Exception {
    browser.driver.manage().window().setSize(new Dimension(1280, 1700));
    browser.screenshot(Path.of(System.getProperty("faqbot.insightsShots", "target"), name));
    browser.driver.manage().window().setSize(new Dimension(1280, 900));
  }

  private void noCspViolations() {
    List<?> violations = browser.cspViolations();
    assertTrue(violations.isEmpty(), "no CSP violations: " + violations);
  }

  @Test
  void a_fallback_is_listed_staff_add_it_as_an_alternative_and_the_widget_answers_it()
      throws Exception {
    browser.driver.get(server.base() + "/");
    browser.hook("launcher").click();
    browser.ask(QUESTION);
    browser.wait(15).until(d -> browser.botMessages().size() >= 2); // greeting and the reply
    assertTrue(server.app().insights().recorder().flush(5000));

    browser.driver.get(server.base() + "/staff/insights");
    browser.logIn(TestSettings.STAFF_USER, TestSettings.STAFF_PASSWORD);
    browser.wait(10).until(d -> d.getCurrentUrl().contains("/staff/search"));
    browser.driver.get(server.base() + "/staff/insights");
    browser.wait(10).until(d -> !d.findElements(By.cssSelector("svg.chart")).isEmpty());
    noCspViolations();
    shot("insights.png");

    browser.driver.get(server.base() + "/staff/insights/unanswered");
    WebElement row =
        browser.waitFor(10, "[data-faqbot='unanswered']", r -> r.getText().contains(QUESTION));
    noCspViolations();
    shot("unanswered.png");
    row.findElement(By.name("entryId")).sendKeys("find-store-id");
    row.findElement(By.cssSelector("form.add button")).click();
    WebElement done = browser.waitFor(15, ".done", e -> true);
    assertTrue(
        done.getText().contains("Lagt til") && done.getText().contains("find-store-id"),
        done.getText());

    browser.driver.get(server.base() + "/");
    int before = browser.botMessages().size();
    browser.ask(QUESTION);
    browser
        .wait(15)
        .until(
            d ->
                browser.botMessages().size() > before
                    && browser
                        .botMessages()
                        .get(browser.botMessages().size() - 1)
                        .getText()
                        .contains("velkomstmailen"));
  }
}
