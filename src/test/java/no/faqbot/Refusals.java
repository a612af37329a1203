package no.faqbot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import no.faqbot.TestServer.Reply;

/** Asserts an API refusal: its status, {@code code} and {@code error} message. */
public final class Refusals {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Refusals() {}

  public static void assertRefused(Reply r, int status, String code, String message)
      throws IOException {
    assertEquals(status, r.status(), r.body());
    JsonNode json = JSON.readTree(r.body());
    assertEquals(code, json.path("code").asText(), r.body());
    if (message != null) {
      assertEquals(message, json.path("error").asText(), r.body());
    }
  }
}
