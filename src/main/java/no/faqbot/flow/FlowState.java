package no.faqbot.flow;

import java.util.List;
import java.util.Map;

/**
 * Where a merchant is in a flow. Lives in the client (signed by {@link StateCodec}), so any server
 * replica can continue the conversation. The trail is what was already tried.
 */
public record FlowState(
    String flow, String revision, String step, List<Visit> trail, Map<String, String> fields) {
  /** Longest trail kept: flows are short, a longer one means a loop or a forged state. */
  public static final int MAX_TRAIL = 60;

  public FlowState {
    trail = trail == null ? List.of() : List.copyOf(trail);
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  /** A step that was shown and what the merchant answered ({@code null} while not yet answered). */
  public record Visit(String step, String answer) {}
}
