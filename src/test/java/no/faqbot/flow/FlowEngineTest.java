package no.faqbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlowEngineTest {
  private final Flow flow = FlowFixtures.good();

  /** Answers given from the start, and the step each sequence ends on. */
  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of(List.of(), "ask"),
        Arguments.of(List.of("deactivated"), "advice"),
        Arguments.of(List.of("active"), "done"),
        Arguments.of(List.of("deactivated", FlowEngine.HELPED), "done"),
        Arguments.of(List.of("deactivated", FlowEngine.NOT_HELPED), "details"),
        Arguments.of(List.of("deactivated", FlowEngine.NOT_HELPED, "form"), "email"));
  }

  private FlowState walk(List<String> answers) {
    FlowState s = FlowEngine.start(flow);
    for (String a : answers) {
      s =
          a.equals("form")
              ? FlowEngine.advance(
                  flow, s, null, Map.of("storeId", "K123456", "merchantEmail", "a@b.no"))
              : FlowEngine.advance(flow, s, a, null);
    }
    return s;
  }

  @ParameterizedTest
  @MethodSource("paths")
  void answers_lead_to_the_expected_step(List<String> answers, String expected) {
    assertEquals(expected, walk(answers).step());
  }

  @Test
  void every_step_reached_is_kept_as_the_trail() {
    FlowState s = walk(List.of("deactivated", FlowEngine.NOT_HELPED, "form"));
    assertEquals(
        List.of("ask", "advice", "details", "email"),
        s.trail().stream().map(FlowState.Visit::step).toList());
    assertEquals(Map.of("storeId", "K123456", "merchantEmail", "a@b.no"), s.fields());
    List<String> tried = FlowEngine.transcript(flow, s, "nb");
    assertEquals(
        List.of(
            "Er den gamle pluginen deaktivert? → Ja",
            "Sjekk testmodus. → Nei, det virker fortsatt ikke",
            "Fyll inn → opplysninger fylt ut"),
        tried);
  }

  @Test
  void back_goes_one_step_back_keeps_what_was_typed_and_stops_at_the_start() {
    FlowState s = walk(List.of("deactivated", FlowEngine.NOT_HELPED, "form"));
    FlowState back = FlowEngine.back(flow, s);
    assertEquals("details", back.step());
    assertEquals(
        List.of("ask", "advice", "details"),
        back.trail().stream().map(FlowState.Visit::step).toList());
    assertEquals(null, back.trail().get(2).answer());
    assertEquals("K123456", back.fields().get("storeId"));
    FlowState first = FlowEngine.back(flow, FlowEngine.back(flow, back));
    assertEquals("ask", first.step());
    assertThrows(FlowInputException.class, () -> FlowEngine.back(flow, first));
  }

  @Test
  void steps_left_is_the_shortest_way_on_without_the_that_helped_exit() {
    assertEquals(2, FlowEngine.stepsLeft(flow, "ask"), "ask, then 'active' ends at done");
    assertEquals(
        3,
        FlowEngine.stepsLeft(flow, "advice"),
        "advice, details, email: 'that helped' is not counted");
    assertEquals(1, FlowEngine.stepsLeft(flow, "email"));
  }

  static Stream<Arguments> badAnswers() {
    return Stream.of(
        Arguments.of(List.of(), "nope", null, "choose one of [deactivated, active]"),
        Arguments.of(List.of(), null, null, "choose one of"),
        Arguments.of(List.of("deactivated"), "maybe", null, "with choice 'helped' or 'not-helped'"),
        Arguments.of(
            List.of("deactivated", FlowEngine.NOT_HELPED),
            null,
            Map.of("merchantEmail", "a@b.no"),
            "storeId is required"),
        Arguments.of(
            List.of("deactivated", FlowEngine.NOT_HELPED),
            null,
            Map.of("storeId", "K123456", "merchantEmail", "not-an-address"),
            "merchantEmail should be an e-mail address"),
        Arguments.of(
            List.of("deactivated", FlowEngine.NOT_HELPED),
            null,
            Map.of("storeId", "K1", "merchantEmail", "a@b.no", "password", "x"),
            "password is not a field"),
        Arguments.of(List.of("active"), "again", null, "the flow has ended"));
  }

  @ParameterizedTest
  @MethodSource("badAnswers")
  void answers_that_do_not_fit_the_step_are_refused(
      List<String> before, String choice, Map<String, String> fields, String message) {
    FlowState s = walk(before);
    FlowInputException e =
        assertThrows(FlowInputException.class, () -> FlowEngine.advance(flow, s, choice, fields));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void state_from_another_version_of_the_flow_is_refused() {
    FlowState s = FlowEngine.start(flow);
    FlowState old = new FlowState(s.flow(), "000000000000", s.step(), s.trail(), s.fields());
    InvalidStateException e =
        assertThrows(
            InvalidStateException.class, () -> FlowEngine.advance(flow, old, "active", null));
    assertTrue(e.getMessage().contains("has changed since"), e.getMessage());
    FlowState lost = new FlowState(s.flow(), s.revision(), "no-such-step", s.trail(), s.fields());
    assertThrows(InvalidStateException.class, () -> FlowEngine.advance(flow, lost, "active", null));
  }

  @Test
  void the_view_shows_options_fields_and_collected_values() {
    FlowView start = FlowView.of(flow, FlowEngine.start(flow), "en");
    assertEquals("choice", start.kind());
    assertEquals("Is the old plugin deactivated?", start.prompt());
    assertEquals(
        List.of("deactivated", "active"),
        start.options().stream().map(FlowView.OptionView::id).toList());
    FlowView info = FlowView.of(flow, walk(List.of("deactivated")), "nb");
    assertEquals(
        List.of(FlowEngine.HELPED, FlowEngine.NOT_HELPED),
        info.options().stream().map(FlowView.OptionView::id).toList());
    FlowView form = FlowView.of(flow, walk(List.of("deactivated", FlowEngine.NOT_HELPED)), "nb");
    assertEquals("store-id", form.fields().get(0).type());
    assertTrue(form.fields().get(0).required());
    FlowView email =
        FlowView.of(flow, walk(List.of("deactivated", FlowEngine.NOT_HELPED, "form")), "nb");
    assertEquals("K123456", email.collected().get("storeId"));
  }
}
