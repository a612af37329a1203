package no.faqbot.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import no.faqbot.FaqbotServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 21, low: extreme dates are a 400, and a staff page shows no text from its address. */
class HostileQueryTest {
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder().encodeToString("anna:riktig hest".getBytes(StandardCharsets.UTF_8));

  @RegisterExtension
  static final FaqbotServer server = new FaqbotServer(s -> s.fixture("good").staff());

  @Test
  void extreme_dates_on_the_routes_that_take_dates_are_a_400() throws Exception {
    for (String route :
        new String[] {
          "/staff/api/events.csv", "/staff/api/events.jsonl", "/staff/insights/unanswered"
        }) {
      for (String query :
          new String[] {
            "from=-999999999-01-01",
            "to=+999999999-12-31",
            "from=0001-01-01&to=+999999999-12-31",
            "from=1969-12-31"
          }) {
        HttpResponse<String> r = staff(route + "?" + query);
        assertEquals(400, r.statusCode(), route + "?" + query + ": " + r.body());
      }
      assertEquals(200, staff(route + "?from=2026-01-01&to=2026-01-31").statusCode(), route);
    }
  }

  @Test
  void the_unanswered_page_shows_only_its_own_notices() throws Exception {
    String page =
        staff("/staff/insights/unanswered?done=Ring+oss+p%C3%A5+666&entry=%3Cb%3Eevil").body();
    assertFalse(page.contains("666"), "no text from the address");
    assertFalse(page.contains("evil"), "no text from the address");
    assertTrue(staff("/staff/insights/unanswered?done=dismissed").body().contains("Skjult."));
    String added = staff("/staff/insights/unanswered?done=added&entry=find-store-id").body();
    assertTrue(added.contains("Lagt til som alternativ i find-store-id."), added);
    String unknown = staff("/staff/insights/unanswered?done=added&entry=no-such-entry").body();
    assertFalse(unknown.contains("no-such-entry"), "an entry the content lacks is not named");
  }

  private static HttpResponse<String> staff(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Authorization", BASIC)
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
