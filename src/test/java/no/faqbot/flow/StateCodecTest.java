package no.faqbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateCodecTest {
  private final Flow flow = FlowFixtures.good();
  private final StateCodec codec =
      new StateCodec("a shared secret of enough length".getBytes(StandardCharsets.UTF_8));

  private FlowState sample() {
    FlowState s = FlowEngine.advance(flow, FlowEngine.start(flow), "deactivated", null);
    s = FlowEngine.advance(flow, s, FlowEngine.NOT_HELPED, null);
    return FlowEngine.advance(
        flow, s, null, Map.of("storeId", "K123456", "merchantEmail", "a@b.no"));
  }

  @Test
  void a_state_survives_the_round_trip_through_the_client() throws Exception {
    FlowState s = sample();
    String wire = new ObjectMapper().writeValueAsString(codec.encode(s));
    assertEquals(s, codec.decode(new ObjectMapper().readTree(wire)));
  }

  @Test
  void another_replica_with_the_same_secret_continues_the_conversation() {
    StateCodec replica =
        new StateCodec("a shared secret of enough length".getBytes(StandardCharsets.UTF_8));
    assertEquals(sample(), replica.decode(codec.encode(sample())));
  }

  @Test
  void tampered_forged_or_foreign_states_are_refused() {
    ObjectNode changed = (ObjectNode) codec.encode(sample());
    changed.put("step", "done");
    assertThrows(InvalidStateException.class, () -> codec.decode(changed));
    ObjectNode noSig = (ObjectNode) codec.encode(sample());
    noSig.remove("sig");
    assertThrows(InvalidStateException.class, () -> codec.decode(noSig));
    JsonNode foreign =
        new StateCodec("another secret, also long enough".getBytes(StandardCharsets.UTF_8))
            .encode(sample());
    assertThrows(InvalidStateException.class, () -> codec.decode(foreign));
    assertThrows(
        InvalidStateException.class, () -> codec.decode(new ObjectMapper().createArrayNode()));
    ObjectNode garbage =
        new ObjectMapper().createObjectNode().put("sig", "x").put("trail", "not a list");
    assertThrows(InvalidStateException.class, () -> codec.decode(garbage));
  }

  @Test
  void a_state_expires_after_its_maximum_age_with_a_clear_message() {
    byte[] secret = "a shared secret of enough length".getBytes(StandardCharsets.UTF_8);
    Instant issued = Instant.parse("2026-11-30T12:00:00Z");
    JsonNode state =
        new StateCodec(secret, Clock.fixed(issued, ZoneOffset.UTC), StateCodec.MAX_AGE)
            .encode(sample());
    StateCodec nextDay =
        new StateCodec(
            secret,
            Clock.fixed(issued.plus(Duration.ofHours(23)), ZoneOffset.UTC),
            StateCodec.MAX_AGE);
    assertEquals(sample(), nextDay.decode(state), "a state a few hours old is fine");
    StateCodec later =
        new StateCodec(
            secret,
            Clock.fixed(issued.plus(Duration.ofHours(25)), ZoneOffset.UTC),
            StateCodec.MAX_AGE);
    InvalidStateException e = assertThrows(InvalidStateException.class, () -> later.decode(state));
    assertTrue(e.getMessage().contains("expired"), e.getMessage());
  }

  @Test
  void the_issue_time_is_signed_so_an_old_state_cannot_be_made_young() {
    ObjectNode state = (ObjectNode) codec.encode(sample());
    state.put("issued", state.path("issued").asLong() + 3600);
    assertThrows(InvalidStateException.class, () -> codec.decode(state));
    state.remove("issued");
    assertThrows(InvalidStateException.class, () -> codec.decode(state));
  }
}
