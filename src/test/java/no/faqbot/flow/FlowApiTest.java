package no.faqbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import no.faqbot.FaqbotServer;
import no.faqbot.TestServer.Reply;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped flows, walked through the chat API to every end. */
class FlowApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> VALID =
      Map.of(
          "text",
          "WooCommerce 8.2",
          "textarea",
          "Kassen viser en feil",
          "email",
          "shop@example.no",
          "store-id",
          "K123456",
          "error-code",
          "BAD_VALUE",
          "http-status",
          "401",
          "correlation-id",
          "7f3c2a1e-9b1d-4c55",
          "platform",
          "WooCommerce, Klarna Payments 4.1");

  private static final String SECRET = "the state secret of this test server";

  // Walking every flow is a robot's pace, faster than the chat limit allows one client.
  @RegisterExtension
  static final FaqbotServer server =
      new FaqbotServer(s -> s.stateSecret(SECRET).limit("FAQBOT_LIMIT_CHAT", "off"));

  static ContentSnapshot content;

  @BeforeAll
  static void start() {
    content = new ContentLoader(server.content(), new MarkdownRenderer()).load();
  }

  static Stream<String> flows() {
    return Stream.of("failed-test-purchase", "wrong-credentials", "test-mode");
  }

  private static Reply post(ObjectNode body) {
    return server.postJson("/api/chat", body.toString());
  }

  @Test
  void back_returns_to_the_previous_step_with_progress_and_the_intro_lists_topics() {
    Reply first =
        server.chat(
            content.flow("failed-test-purchase").orElseThrow().triggers().get("nb").get(0), "nb");
    JsonNode view = first.json().path("flow");
    assertEquals(1, view.path("stepNumber").asInt());
    assertFalse(view.path("canGoBack").asBoolean());
    ObjectNode body =
        JSON.createObjectNode().put("choice", view.path("options").get(0).path("id").asText());
    body.set("state", first.json().path("state"));
    JsonNode second = post(body).json();
    assertEquals(2, second.path("flow").path("stepNumber").asInt());
    assertTrue(second.path("flow").path("stepsEstimate").asInt() >= 2);
    ObjectNode back = JSON.createObjectNode().put("choice", FlowEngine.BACK);
    back.set("state", second.path("state"));
    JsonNode again = post(back).json();
    assertEquals(view.path("stepId").asText(), again.path("flow").path("stepId").asText());
    ObjectNode tooFar = JSON.createObjectNode().put("choice", FlowEngine.BACK);
    tooFar.set("state", again.path("state"));
    assertEquals(400, post(tooFar).status());
    JsonNode intro = server.get("/api/intro?lang=en").json();
    assertTrue(intro.path("text").asText().contains("automatic assistant"), intro.toString());
    assertTrue(intro.path("topics").size() >= 3, intro.toString());
    assertEquals(400, server.get("/api/intro?lang=xx").status());
  }

  @ParameterizedTest
  @MethodSource("flows")
  void every_flow_starts_from_a_description_and_reaches_each_of_its_ends(String id) {
    Flow flow = content.flow(id).orElseThrow();
    assertTrue(flow.steps().size() >= 6, id + " has at least 6 steps");
    for (String lang : new String[] {"nb", "en"}) {
      Reply first = server.chat(flow.triggers().get(lang).get(0), lang);
      assertEquals("flow", first.json().path("type").asText(), first.body());
      assertEquals(id, first.json().path("flow").path("id").asText());
      assertEquals(flow.start(), first.json().path("flow").path("stepId").asText());
      Set<String> visited = new HashSet<>();
      Set<String> ends = new HashSet<>();
      walk(first.json(), lang, visited, ends, 0);
      Set<String> terminals = new HashSet<>();
      flow.steps().values().stream().filter(Step::isTerminal).forEach(s -> terminals.add(s.id()));
      assertEquals(
          terminals,
          ends,
          id + " (" + lang + "): every end and e-mail step is reachable through the API");
      assertEquals(flow.steps().keySet(), visited, id + " (" + lang + "): every step is shown");
    }
  }

  private void walk(JsonNode reply, String lang, Set<String> visited, Set<String> ends, int depth) {
    assertTrue(depth < 40, "no endless flow");
    JsonNode view = reply.path("flow");
    String step = view.path("stepId").asText();
    visited.add(step);
    assertTrue(
        !view.path("prompt").asText().isBlank(), "step " + step + " has a prompt in " + lang);
    switch (view.path("kind").asText()) {
      case "choice", "info" -> {
        for (JsonNode option : view.path("options")) {
          ObjectNode body =
              JSON.createObjectNode().put("lang", lang).put("choice", option.path("id").asText());
          body.set("state", reply.path("state"));
          Reply next = post(body);
          assertEquals(200, next.status(), next.body());
          walk(next.json(), lang, visited, ends, depth + 1);
        }
      }
      case "form" -> {
        ObjectNode body = JSON.createObjectNode().put("lang", lang);
        body.set("state", reply.path("state"));
        ObjectNode fields = body.putObject("fields");
        view.path("fields")
            .forEach(f -> fields.put(f.path("id").asText(), VALID.get(f.path("type").asText())));
        Reply next = post(body);
        assertEquals(200, next.status(), next.body());
        walk(next.json(), lang, visited, ends, depth + 1);
      }
      case "email", "end" -> ends.add(step);
      default -> throw new AssertionError("unknown kind in " + view);
    }
  }

  @Test
  void a_tampered_state_is_a_clear_400_not_a_500() {
    Reply first =
        server.chat("testkjøpet feiler hele tiden etter at vi installerte den nye pluginen", "nb");
    ObjectNode state = (ObjectNode) first.json().path("state").deepCopy();
    state.put("step", "collect");
    ObjectNode body = JSON.createObjectNode().put("choice", "deactivated");
    body.set("state", state);
    Reply r = post(body);
    assertEquals(400, r.status(), r.body());
    assertTrue(r.json().path("error").asText().contains("state was changed"), r.body());
    assertEquals("state_invalid", r.json().path("code").asText(), r.body());
    ObjectNode junk = JSON.createObjectNode().put("choice", "x").put("state", "not an object");
    assertEquals(400, post(junk).status());
    assertEquals(
        400,
        post(JSON.createObjectNode().put("choice", "deactivated")).status(),
        "a choice needs a state");
  }

  @Test
  void a_form_with_bad_values_names_each_field() {
    Reply r =
        server.chat("testkjøpet feiler hele tiden etter at vi installerte den nye pluginen", "nb");
    JsonNode reply = r.json();
    for (int i = 0; i < 20 && !reply.path("flow").path("kind").asText().equals("form"); i++) {
      JsonNode options = reply.path("flow").path("options");
      ObjectNode body =
          JSON.createObjectNode()
              .put("choice", options.get(options.size() - 1).path("id").asText());
      String kind = reply.path("flow").path("kind").asText();
      if (kind.equals("info")) {
        body.put("choice", FlowEngine.NOT_HELPED);
      }
      body.set("state", reply.path("state"));
      reply = post(body).json();
    }
    assertEquals("form", reply.path("flow").path("kind").asText(), "the flow has a form: " + reply);
    ObjectNode body = JSON.createObjectNode();
    body.set("state", reply.path("state"));
    body.putObject("fields").put("merchantEmail", "not-an-address");
    Reply bad = post(body);
    assertEquals(400, bad.status());
    assertTrue(
        bad.json().path("fieldErrors").path("merchantEmail").asText().contains("e-mail address"),
        bad.body());
    assertEquals("field_invalid", bad.json().path("code").asText(), bad.body());
  }

  @Test
  void avbryt_leaves_the_flow() {
    Reply first =
        server.chat("testkjøpet feiler hele tiden etter at vi installerte den nye pluginen", "nb");
    ObjectNode body = JSON.createObjectNode().put("message", "avbryt").put("lang", "nb");
    body.set("state", first.json().path("state"));
    Reply r = post(body);
    assertEquals("smalltalk", r.json().path("type").asText(), r.body());
    assertTrue(r.json().path("state").isNull());
  }

  /** Walks the flow a trigger starts, taking the last option of each step, until its form. */
  private static JsonNode untilForm(String trigger) {
    JsonNode reply = server.chat(trigger, "nb").json();
    for (int i = 0; i < 20 && !reply.path("flow").path("kind").asText().equals("form"); i++) {
      JsonNode options = reply.path("flow").path("options");
      ObjectNode body =
          JSON.createObjectNode()
              .put("choice", options.get(options.size() - 1).path("id").asText());
      if (reply.path("flow").path("kind").asText().equals("info")) {
        body.put("choice", FlowEngine.NOT_HELPED);
      }
      body.set("state", reply.path("state"));
      reply = post(body).json();
    }
    return reply;
  }

  @Test
  void a_password_typed_into_a_form_is_redacted_before_it_goes_into_the_state() {
    JsonNode form =
        untilForm("testkjøpet feiler hele tiden etter at vi installerte den nye pluginen");
    assertEquals("form", form.path("flow").path("kind").asText(), "the flow has a form: " + form);
    ObjectNode body = JSON.createObjectNode();
    body.set("state", form.path("state"));
    ObjectNode fields = body.putObject("fields");
    form.path("flow")
        .path("fields")
        .forEach(f -> fields.put(f.path("id").asText(), VALID.get(f.path("type").asText())));
    fields.put(
        "description",
        "Det feiler. Passordet er Sommer2026! og curl -u K123456_abcdef123456:s3cr3tX gir 401");
    Reply next = post(body);
    assertEquals(200, next.status(), next.body());
    assertFalse(next.body().contains("Sommer2026"), next.body());
    assertFalse(next.body().contains("s3cr3tX"), next.body());
    String state = next.json().path("state").toString();
    assertTrue(state.contains("Passordet er [fjernet]"), state);
    assertEquals("email", next.json().path("flow").path("kind").asText(), next.body());
    String collected = next.json().path("flow").path("collected").path("description").asText();
    assertTrue(
        collected.contains("Passordet er [fjernet]") && collected.contains("K123456_ab"),
        collected);
  }

  @Test
  void an_expired_state_is_the_same_clear_400_as_a_stale_one() {
    Flow flow = content.flow("failed-test-purchase").orElseThrow();
    Clock dayAndAHalfAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-36));
    JsonNode old =
        new StateCodec(SECRET.getBytes(StandardCharsets.UTF_8), dayAndAHalfAgo, StateCodec.MAX_AGE)
            .encode(FlowEngine.start(flow));
    ObjectNode body =
        JSON.createObjectNode().put("choice", flow.step(flow.start()).options().get(0).id());
    body.set("state", old);
    Reply r = post(body);
    assertEquals(400, r.status(), r.body());
    assertTrue(r.json().path("error").asText().contains("expired"), r.body());
    ObjectNode fresh =
        JSON.createObjectNode().put("choice", flow.step(flow.start()).options().get(0).id());
    fresh.set(
        "state",
        new StateCodec(SECRET.getBytes(StandardCharsets.UTF_8)).encode(FlowEngine.start(flow)));
    assertEquals(200, post(fresh).status(), "the same state issued now is fine");
  }
}
