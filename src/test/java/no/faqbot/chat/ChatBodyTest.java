package no.faqbot.chat;

import static no.faqbot.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A chat request is bound to a record: a field of the wrong type is the client's 400 {@code
 * bad_request} naming it, never coerced and never a 500; a null state is no state.
 */
class ChatBodyTest {
  @RegisterExtension static final FaqbotServer server = new FaqbotServer(s -> s.fixture("good"));

  static Stream<Arguments> badBodies() {
    String manyFields =
        IntStream.range(0, 31)
            .mapToObj(i -> "\"f" + i + "\":\"x\"")
            .collect(Collectors.joining(",", "{", "}"));
    return Stream.of(
        Arguments.of("{\"message\":5}", "'message' must be a string"),
        Arguments.of("{\"message\":\"hei\",\"lang\":true}", "'lang' must be a string"),
        Arguments.of(
            "{\"message\":\"hei\",\"conversation\":[]}", "'conversation' must be a string"),
        Arguments.of("{\"state\":{},\"fields\":{\"a\":1}}", "'fields.a' must be a string"),
        Arguments.of("{\"state\":{},\"fields\":[]}", "'fields' must be an object"),
        Arguments.of(
            "{\"state\":{},\"fields\":" + manyFields + "}",
            "'fields' must be an object of at most 30 field ids to strings"),
        Arguments.of("\"hei\"", "send a JSON object: {\"message\": \"...\", \"lang\": \"nb\"}"),
        Arguments.of(
            "{\"message\":\"hei\",\"lang\":\"de\"}", "unsupported lang 'de': use one of [nb, en]"),
        Arguments.of("{}", "message is missing: send {\"message\": \"...\"}"));
  }

  @ParameterizedTest
  @MethodSource("badBodies")
  void a_bad_field_is_a_400_naming_it(String body, String message) throws Exception {
    assertRefused(server.postJson("/api/chat", body), 400, "bad_request", message);
  }

  @Test
  void a_null_state_is_no_state() {
    Reply r = server.postJson("/api/chat", "{\"message\":\"hei\",\"state\":null,\"fields\":null}");
    assertEquals(200, r.status(), r.body());
  }
}
