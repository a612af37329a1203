package no.faqbot.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.flow.Flow;
import no.faqbot.flow.FlowEngine;
import no.faqbot.flow.FlowState;
import no.faqbot.flow.FlowVersions;
import no.faqbot.flow.StateCodec;
import no.faqbot.flow.Step;
import no.faqbot.flow.StepKind;

/**
 * What a conversation's flow already went through, read from its signed state for the e-mail.
 *
 * @param versions the flows' earlier versions, shared with the chat
 */
record FlowTranscripts(StateCodec states, FlowVersions versions) {

  /**
   * The problem a flow was about (the subject of its e-mail step, else its title) and its steps so
   * far, in {@code language}, not yet redacted.
   */
  record Transcript(String problem, List<String> steps) {
    static final Transcript NONE = new Transcript(null, List.of());
  }

  /**
   * The transcript of the flow in {@code state}; {@link Transcript#NONE} without a state.
   *
   * @throws no.faqbot.flow.InvalidStateException for a state this server did not sign
   */
  Transcript of(JsonNode state, ContentSnapshot content, String language) {
    if (state == null || state.isNull()) {
      return Transcript.NONE;
    }
    FlowState s = states.decode(state);
    // The version the conversation was on, also when the flow changed since (a publish, a
    // rolling deploy); a version no longer known leaves the steps out rather than the e-mail.
    Flow flow = versions.of(s, content.flow(s.flow())).orElse(null);
    if (flow == null) {
      return Transcript.NONE;
    }
    Step current = FlowEngine.current(flow, s);
    String problem =
        current.kind() == StepKind.EMAIL
            ? current.subject().in(language)
            : flow.title().in(language);
    return new Transcript(problem, FlowEngine.transcript(flow, s, language));
  }
}
