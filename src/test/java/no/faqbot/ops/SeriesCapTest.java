package no.faqbot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The second fence on request series: past the cap, new ones are folded and counted. */
class SeriesCapTest {
  @Test
  void series_past_the_cap_are_folded_into_other_and_counted() {
    try (Metrics metrics = new Metrics()) {
      int extra = 250;
      for (int i = 0; i < Metrics.MAX_REQUEST_SERIES + extra; i++) {
        metrics.request("GET", "/route-" + i, 200, 1_000);
      }
      String text = metrics.scrape();
      long series =
          text.lines().filter(l -> l.startsWith("faqbot_http_requests_seconds_count{")).count();
      assertEquals(Metrics.MAX_REQUEST_SERIES + 1, series, "the cap, and one folded series");
      assertTrue(text.contains("faqbot_metrics_folded_total " + extra + ".0"), text);
      assertTrue(
          text.contains(
              "faqbot_http_requests_seconds_count{method=\"OTHER\",route=\"other\",status=\"200\"} "
                  + extra),
          "the folded requests still count");
    }
  }
}
