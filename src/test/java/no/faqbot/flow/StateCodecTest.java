package no.faqbot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateCodecTest {
  private final Flow flow = FlowFixtures.good();
  private final StateCodec codec = new StateCodec("a shared secret of enough length".getBytes(StandardCharsets.UTF_8));

  private FlowState sample() {
    FlowState s = FlowEngine.advance(flow, FlowEngine.start(flow), "deactivated", null);
    s = FlowEngine.advance(flow, s, FlowEngine.NOT_HELPED, null);
    return FlowEngine.advance(flow, s, null, Map.of("storeId", "K123456", "merchantEmail", "a@b.no"));
  }

  @Test
  void a_state_survives_the_round_trip_through_the_client() throws Exception {
    FlowState s = sample();
    String wire = new ObjectMapper().writeValueAsString(codec.encode(s));
    assertEquals(s, codec.decode(new ObjectMapper().readTree(wire)));
  }

  @Test
  void another_replica_with_the_same_secret_continues_the_conversation() {
    StateCodec replica = new StateCodec("a shared secret of enough length".getBytes(StandardCharsets.UTF_8));
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
    JsonNode foreign = new StateCodec("another secret, also long enough".getBytes(StandardCharsets.UTF_8)).encode(sample());
    assertThrows(InvalidStateException.class, () -> codec.decode(foreign));
    assertThrows(InvalidStateException.class, () -> codec.decode(new ObjectMapper().createArrayNode()));
    ObjectNode garbage = new ObjectMapper().createObjectNode().put("sig", "x").put("trail", "not a list");
    assertThrows(InvalidStateException.class, () -> codec.decode(garbage));
  }
}
