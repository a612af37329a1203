package no.faqbot.content;

import java.time.LocalDate;
import java.util.List;

/**
 * What a merchant's message can be matched with, in one language: an editor's FAQ entry ({@link
 * Article}), a flow's triggers ({@link FlowTrigger}) or an out-of-scope reply's examples ({@link
 * ScopeExample}). Search treats the three alike by their phrasings; the ids of the last two carry a
 * prefix ({@code flow:}, {@code scope:}) so they never meet an entry's id.
 */
public sealed interface FaqEntry
    permits FaqEntry.Article, FaqEntry.FlowTrigger, FaqEntry.ScopeExample {

  /** Prefix of the ids of flow triggers. */
  String FLOW_PREFIX = "flow:";

  /** Prefix of the ids of out-of-scope examples. */
  String OUT_OF_SCOPE_PREFIX = "scope:";

  /** Shared by the translations of the same entry. */
  String id();

  String lang();

  /** The main phrasing: an entry's question, a flow's title, a reply's first example. */
  String question();

  /** Other ways merchants ask it. */
  List<String> alternatives();

  String sourcePath();

  /** The section an entry is filed under; "" for the others. */
  default String section() {
    return "";
  }

  default List<String> tags() {
    return List.of();
  }

  /** Ids of the entries an entry links to. */
  default List<String> related() {
    return List.of();
  }

  default LocalDate updated() {
    return null;
  }

  /** The flow an entry offers or a trigger starts, or null. */
  default String flow() {
    return null;
  }

  /** An entry's answer; empty for the others. */
  default Answer answer() {
    return Answer.NONE;
  }

  default String answerMarkdown() {
    return answer().markdown();
  }

  default String answerText() {
    return answer().text();
  }

  default String answerHtml() {
    return answer().html();
  }

  /** Whether this is a flow's triggers rather than a FAQ entry. */
  default boolean isFlowTrigger() {
    return this instanceof FlowTrigger;
  }

  /** Whether this stands for messages the FAQ is not for (see {@code replies.yaml} examples). */
  default boolean isOutOfScope() {
    return this instanceof ScopeExample;
  }

  /** Key unique across languages, e.g. {@code nb/find-store-id}. */
  default String key() {
    return lang() + "/" + id();
  }

  /** An answer as written in Markdown, as plain text (for search) and as sanitised HTML. */
  record Answer(String markdown, String text, String html) {
    static final Answer NONE = new Answer("", "", "");
  }

  /** A FAQ entry as an editor wrote it in {@code content/faq/<lang>/<id>.md}. */
  record Article(
      String id,
      String lang,
      String question,
      List<String> alternatives,
      String section,
      List<String> tags,
      List<String> related,
      LocalDate updated,
      String flow,
      Answer answer,
      String sourcePath)
      implements FaqEntry {
    public Article {
      alternatives = List.copyOf(alternatives);
      tags = List.copyOf(tags);
      related = List.copyOf(related);
    }
  }

  /**
   * A flow's title and triggers standing in as an entry, so that describing a problem starts the
   * flow.
   */
  record FlowTrigger(
      String flow, String lang, String question, List<String> alternatives, String sourcePath)
      implements FaqEntry {
    public FlowTrigger {
      alternatives = List.copyOf(alternatives);
    }

    @Override
    public String id() {
      return FLOW_PREFIX + flow;
    }
  }

  /** The example messages of an out-of-scope reply of {@code replies.yaml}, by its name. */
  record ScopeExample(String reply, String lang, String question, List<String> alternatives)
      implements FaqEntry {
    public ScopeExample {
      alternatives = List.copyOf(alternatives);
    }

    @Override
    public String sourcePath() {
      return "replies.yaml";
    }

    @Override
    public String id() {
      return OUT_OF_SCOPE_PREFIX + reply;
    }
  }
}
