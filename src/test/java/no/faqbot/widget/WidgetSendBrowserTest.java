package no.faqbot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import no.faqbot.TestServer;
import no.faqbot.TestSettings;
import no.faqbot.support.SmtpSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * With SMTP configured the e-mail step's one primary action is "Send", and the merchant gets a case
 * number.
 */
@Tag("browser")
class WidgetSendBrowserTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @RegisterExtension final SharedBrowser chromium = new SharedBrowser();

  @TempDir Path tmp;

  @Test
  void send_gives_the_case_number_and_what_happens_next_and_the_mail_has_the_screenshot()
      throws Exception {
    SmtpSettings mail =
        new SmtpSettings(
            "127.0.0.1", smtp.getSmtp().getPort(), null, null, false, "faqbot@shop.example");
    Browser browser = chromium.get();
    try (TestServer server =
        new TestServer(TestSettings.in(tmp).stateSecret("test secret long enough!").smtp(mail))) {
      browser.driver.get(server.base() + "/");
      browser.wait(10).until(d -> browser.hook("launcher").isDisplayed());
      browser.hook("launcher").click();
      browser.hook("contact").click();
      WebElement send = browser.sendEmailButton("Send til support");
      WebElement step =
          browser.widget().findElements(By.cssSelector("[data-faqbot='message-bot']")).stream()
              .filter(m -> !m.findElements(By.cssSelector("[data-faqbot='send-email']")).isEmpty())
              .findFirst()
              .orElseThrow();
      assertTrue(
          !step.getText().contains("legg dem ved selv"),
          "no attach-by-hand note when the server sends");
      Path png = Browser.png(tmp, "feil.png");
      browser.hook("file").sendKeys(png.toString());
      step.findElement(By.cssSelector("input[name=merchantEmail]")).sendKeys("butikk@example.no");
      step.findElement(By.cssSelector("textarea[name=description]"))
          .sendKeys("Kassen viser en feil");
      send.click();
      WebElement done = browser.waitForBot("Saksnummer: FQ-");
      assertTrue(
          done.getText().contains("butikk@example.no"), "who answers and where: " + done.getText());
      assertTrue(smtp.waitForIncomingEmail(10_000, 1));
      MimeMessage sent = smtp.getReceivedMessages()[0];
      assertEquals("butikk@example.no", sent.getReplyTo()[0].toString());
      String ref = done.getText().replaceAll("(?s).*Saksnummer: (FQ-[A-Z0-9]+).*", "$1");
      assertTrue(
          sent.getSubject().contains(ref)
              || new String(sent.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                  .contains(ref),
          "the case number in the message matches the mail");
    }
  }
}
