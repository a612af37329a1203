package no.faqbot.feedback;

import static no.faqbot.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A vote is bound to a record: a field of the wrong type is the client's 400 {@code bad_request},
 * never coerced ({@code "true"} is no boolean, {@code 5} no id), and never a 500.
 */
class FeedbackBodyTest {
  @RegisterExtension static final FaqbotServer server = new FaqbotServer(s -> s.fixture("good"));

  @Test
  void a_vote_is_stored() {
    Reply r =
        server.postJson(
            "/api/feedback",
            "{\"entryId\":\"find-store-id\",\"helpful\":true,\"query\":\"butikk-id\","
                + "\"lang\":\"nb\",\"conversation\":\"c-123456789\",\"extra\":1}");
    assertEquals(201, r.status(), r.body());
  }

  static Stream<Arguments> badVotes() {
    return Stream.of(
        Arguments.of(
            "{\"entryId\":\"find-store-id\",\"helpful\":\"true\"}",
            "'helpful' must be true or false"),
        Arguments.of(
            "{\"entryId\":\"find-store-id\",\"helpful\":1}", "'helpful' must be true or false"),
        Arguments.of("{\"entryId\":5,\"helpful\":true}", "'entryId' must be a string"),
        Arguments.of(
            "{\"entryId\":\"find-store-id\",\"helpful\":true,\"query\":[1]}",
            "'query' must be a string"),
        Arguments.of(
            "{\"entryId\":\"find-store-id\",\"helpful\":true,\"conversation\":{}}",
            "'conversation' must be a string"),
        Arguments.of("{\"helpful\":true}", "entryId is missing: the id of the answer voted on"),
        Arguments.of("{\"entryId\":\"find-store-id\"}", "helpful must be true or false"),
        Arguments.of(
            "[1,2]", "send {\"entryId\": \"...\", \"helpful\": true|false, \"query\": \"...\"}"),
        Arguments.of(
            "{\"entryId\":\"find-store-id\",\"helpful\":true,\"lang\":\"de\"}",
            "unsupported lang 'de': use one of [nb, en]"));
  }

  @ParameterizedTest
  @MethodSource("badVotes")
  void a_bad_field_is_a_400_naming_it(String body, String message) throws Exception {
    assertRefused(server.postJson("/api/feedback", body), 400, "bad_request", message);
  }

  @Test
  void an_unknown_entry_is_a_404() throws Exception {
    assertRefused(
        server.postJson("/api/feedback", "{\"entryId\":\"no-such-entry\",\"helpful\":false}"),
        404,
        "not_found",
        "no entry with id 'no-such-entry'");
  }
}
