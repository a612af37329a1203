package no.faqbot.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import no.faqbot.App;
import no.faqbot.config.Settings;
import no.faqbot.staff.FakeOidcProvider;
import no.faqbot.staff.PasswordHash;
import no.faqbot.staff.StaffAccounts;
import no.faqbot.web.StaffRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The OpenID Connect login in a real browser, with the provider on another site ({@code localhost})
 * than faqbot ({@code 127.0.0.1}): the staff cookie is SameSite=Strict, and the way back starts on
 * the provider's sign-in page, so this is where a redirect straight from the return would lose the
 * session. The button, the provider's page, the return, and the person lands on the staff search
 * signed in.
 */
@Tag("browser")
class OidcBrowserTest {
  @RegisterExtension final SharedBrowser chromium = new SharedBrowser();

  @TempDir Path tmp;

  @Test
  void a_browser_signs_in_at_the_provider_and_lands_on_the_staff_pages() throws Exception {
    try (FakeOidcProvider provider = new FakeOidcProvider("localhost")) {
      provider.interactive = true;
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      String base = "http://127.0.0.1:" + port;
      App app =
          App.start(
              Settings.from(
                  Map.of(
                      "FAQBOT_CONTENT",
                      "src/test/resources/fixtures/good",
                      "FAQBOT_INDEX",
                      tmp.resolve("index").toString(),
                      "FAQBOT_DATA",
                      tmp.resolve("data").toString(),
                      "FAQBOT_STAFF_PASSWORD",
                      "riktig hest"),
                  null));
      app.staff().useOidc(provider.settingsFor(base));
      new StaffAccounts(app.insights().store().dataSource(), Clock.systemUTC())
          .add("eva@butikk.no", StaffRole.EDITOR, PasswordHash.of("et langt passord"));
      Javalin server = app.server().start("127.0.0.1", port);
      try {
        Browser browser = chromium.get();
        browser.driver.get(base + "/staff/login");
        browser.driver.findElement(By.id("oidc")).click();
        // At the provider: its own page, so the way back starts on another site.
        browser.wait(15).until(d -> d.getCurrentUrl().startsWith(provider.issuer()));
        browser.driver.findElement(By.id("approve")).click();
        browser.wait(15).until(d -> d.getCurrentUrl().startsWith(base + "/staff/search"));
        String page = browser.driver.getPageSource();
        assertTrue(page.contains("eva@butikk.no"), "signed in as eva: " + page);
        assertTrue(browser.driver.findElements(By.id("password")).isEmpty(), "not the login page");
        Object violations =
            ((JavascriptExecutor) browser.driver).executeScript("return window.__cspViolations;");
        assertEquals(List.of(), violations);
      } finally {
        app.shutdown(server);
      }
    }
  }
}
