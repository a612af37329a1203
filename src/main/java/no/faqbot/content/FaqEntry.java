package no.faqbot.content;

import java.time.LocalDate;
import java.util.List;

/**
 * One FAQ entry in one language: the question, other ways merchants ask it and the answer. The
 * {@code id} is shared by the translations of the same entry.
 */
public record FaqEntry(
    String id,
    String lang,
    String question,
    List<String> alternatives,
    String section,
    List<String> tags,
    List<String> related,
    LocalDate updated,
    String flow,
    String answerMarkdown,
    String answerText,
    String answerHtml,
    String sourcePath) {

  public FaqEntry {
    alternatives = List.copyOf(alternatives);
    tags = List.copyOf(tags);
    related = List.copyOf(related);
  }

  /** Prefix of the ids of the pseudo-entries that let free text find a flow by its triggers. */
  public static final String FLOW_PREFIX = "flow:";

  /** Whether this is a flow's triggers standing in as an entry rather than a FAQ entry. */
  public boolean isFlowTrigger() {
    return id.startsWith(FLOW_PREFIX);
  }

  /** Prefix of the ids of the pseudo-entries made of an out-of-scope reply's example messages. */
  public static final String OUT_OF_SCOPE_PREFIX = "scope:";

  /** Whether this stands for messages the FAQ is not for (see {@code replies.yaml} examples). */
  public boolean isOutOfScope() {
    return id.startsWith(OUT_OF_SCOPE_PREFIX);
  }

  /** Key unique across languages, e.g. {@code nb/find-store-id}. */
  public String key() {
    return lang + "/" + id;
  }
}
