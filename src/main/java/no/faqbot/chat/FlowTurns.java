package no.faqbot.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.flow.Flow;
import no.faqbot.flow.FlowEngine;
import no.faqbot.flow.FlowState;
import no.faqbot.flow.FlowVersions;
import no.faqbot.flow.FlowView;
import no.faqbot.flow.StateCodec;
import no.faqbot.privacy.Redactor;

/**
 * The chat's turns inside a guided flow: its start, a step answered or taken back, and the plain
 * reply when the flow changed under a conversation. The state travels signed in each reply ({@link
 * StateCodec}); earlier versions of each flow are kept ({@link FlowVersions}) so a conversation
 * outlives a publish.
 */
final class FlowTurns {
  private final StateCodec states;
  private final FlowVersions versions;
  private final Redactor redactor = new Redactor();

  FlowTurns(StateCodec states, FlowVersions versions) {
    this.states = states;
    this.versions = versions;
  }

  FlowVersions versions() {
    return versions;
  }

  /** The first step of {@code flow}. */
  ChatReply start(ContentSnapshot content, Flow flow, String lang) {
    versions.serving(content, content.flows().values());
    return flowReply(content, flow, FlowEngine.start(flow), lang);
  }

  /**
   * The next turn of the flow {@code request}'s state is in: a step answered or taken back, or the
   * flow changed or gone; empty when the request is free text, which leaves the flow.
   */
  Optional<ChatReply> step(
      ContentSnapshot content, ChatRequest request, boolean answersStep, String lang) {
    FlowState state = states.decode(request.state());
    versions.serving(content, content.flows().values());
    Optional<Flow> current = content.flow(state.flow());
    Optional<Flow> made = versions.of(state, current);
    boolean back = FlowEngine.BACK.equals(request.choice());
    if (made.isEmpty() && (answersStep || back)) {
      // Changed or gone mid-conversation (a publish, a rolling deploy): say so in plain
      // words and offer to start it again, instead of refusing the state.
      return Optional.of(flowChanged(current, lang));
    }
    if (made.isPresent() && back) {
      return Optional.of(flowReply(content, made.get(), FlowEngine.back(made.get(), state), lang));
    }
    if (made.isPresent() && answersStep) {
      FlowState next = FlowEngine.advance(made.get(), state, request.choice(), request.fields());
      return Optional.of(flowReply(content, made.get(), withoutSecrets(next), lang));
    }
    return Optional.empty();
  }

  private ChatReply flowReply(ContentSnapshot content, Flow flow, FlowState state, String lang) {
    List<FlowView.EntryRef> entries =
        flow.entries().stream()
            .map(id -> content.entry(id, lang))
            .flatMap(Optional::stream)
            .map(e -> new FlowView.EntryRef(e.id(), e.question()))
            .toList();
    FlowView view = FlowView.of(flow, state, lang, entries);
    return new ChatReply(
        ReplyType.FLOW, view.prompt(), null, List.of(), states.encode(state), view, null, null);
  }

  /**
   * The reply to a step of a flow version no longer known here: what happened, and the current
   * version's start as a button (none when the flow is gone).
   */
  private static ChatReply flowChanged(Optional<Flow> current, String lang) {
    return new ChatReply(
        ReplyType.FLOW_CHANGED,
        current.isPresent()
            ? FlowChangedText.changed(lang, current.get().title().in(lang))
            : FlowChangedText.gone(lang),
        null,
        List.of(),
        null,
        null,
        current
            .map(f -> new ChatReply.Action(ChatReply.Action.START_FLOW, f.id(), f.title().in(lang)))
            .orElse(null),
        null);
  }

  /**
   * The state with secrets taken out of what was typed into its forms: a password pasted into a
   * description would otherwise travel in the state and come back in {@code flow.collected}.
   */
  private FlowState withoutSecrets(FlowState state) {
    Map<String, String> clean = new LinkedHashMap<>();
    state.fields().forEach((field, value) -> clean.put(field, redactor.redact(value).text()));
    return new FlowState(state.flow(), state.revision(), state.step(), state.trail(), clean);
  }
}
