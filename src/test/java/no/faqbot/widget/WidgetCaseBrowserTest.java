package no.faqbot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * On a phone without SMTP: a flow walked to the e-mail step ends with the case number shown, a text
 * to paste, "Fikk du sendt den?" with the download still there, and the case in the inbox.
 */
@Tag("browser")
class WidgetCaseBrowserTest extends BrowserTestBase {
  @BeforeEach
  void open() throws IOException {
    browser.driver.manage().window().setSize(new Dimension(390, 760));
    browser.driver.get(server.base() + "/");
  }

  @Test
  void a_phone_user_without_smtp_gets_the_case_number_and_staff_see_the_case() throws Exception {
    no.faqbot.flow.Flow flow = servedFlow("failed-test-purchase");
    browser.wait(10).until(d -> browser.hook("launcher").isDisplayed());
    browser.hook("launcher").click();
    browser.hook("input").sendKeys(flow.triggers().get("nb").get(0));
    browser.hook("send").click();
    for (String label : WidgetBrowserTest.pathToEmail(flow)) {
      int before = browser.botMessages().size();
      if (label == null) {
        WidgetBrowserTest.fillVisibleForm(browser);
      } else {
        browser.choose(label);
      }
      browser.wait(10).until(d -> browser.botMessages().size() > before);
    }
    WebElement primary = browser.sendEmailButton("Åpne i e-postprogram");
    WebElement step = browser.lastBot();
    WidgetBrowserTest.fillVisibleForm(browser);
    long sends =
        browser.widget().findElements(By.cssSelector("button")).stream()
            .filter(b -> b.isDisplayed() && b.getText().strip().startsWith("Send"))
            .count();
    assertTrue(sends <= 1, "one Send at most (the chat's own)");
    WebElement pre = browser.showEmail(step);
    assertFalse(step.getText().contains("null"), "no literal null: " + step.getText());
    Matcher inPreview = Pattern.compile("FQ-[A-Z0-9]{6}").matcher(pre.getText());
    assertTrue(inPreview.find(), pre.getText());
    String ref = inPreview.group();

    primary.click();
    WebElement after = browser.waitFor(15, step, "[data-faqbot='after']", WebElement::isDisplayed);
    assertTrue(
        after.getText().contains("Saksnummer: " + ref), "the same number: " + after.getText());
    assertTrue(after.getText().contains("Fikk du sendt den?"), after.getText());
    String paste = after.findElement(By.cssSelector("[data-faqbot='paste']")).getAttribute("value");
    assertTrue(paste.contains(ref) && paste.contains("K123456"), paste);
    assertTrue(browser.hook("eml").isDisplayed(), "the download is still there");
    assertFalse(step.getText().contains("null"), step.getText());

    after.findElement(By.cssSelector("[data-faqbot='was-sent']")).click();
    WebElement done =
        browser
            .wait(10)
            .until(
                d ->
                    browser.lastBot().getText().contains(ref) && browser.lastBot() != step
                        ? browser.lastBot()
                        : null);
    assertTrue(done.getText().contains("butikk@example.no"), done.getText());

    String basic =
        Base64.getEncoder()
            .encodeToString(
                ("staff:" + server.app().staff().generatedPassword())
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> inbox =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.base() + "/staff/api/cases?status=new"))
                    .header("Authorization", "Basic " + basic)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, inbox.statusCode(), inbox.body());
    JsonNode cases = new ObjectMapper().readTree(inbox.body()).path("cases");
    boolean listed = false;
    for (JsonNode c : cases) {
      listed |= ref.equals(c.path("caseRef").asText());
    }
    assertTrue(listed, "the case waits in the staff inbox: " + inbox.body());
  }
}
