package no.faqbot.insights;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The figures for a period and language, as {@code GET /staff/api/insights} returns them: the
 * groups' fields stand at the top level of the JSON, where they always stood.
 *
 * @param helpfulRate helpful votes of all votes (null without votes)
 */
public record InsightsReport(
    int days,
    String lang,
    @JsonUnwrapped Traffic traffic,
    @JsonUnwrapped Escalation escalation,
    Votes votes,
    Double helpfulRate,
    List<Day> perDay,
    List<EntryCount> topEntries,
    List<EntryVotes> mostUnhelpful,
    List<Funnel> funnels,
    Recording recording) {

  /** What came in and how it was answered. */
  public record Traffic(long conversations, long messages, Replies replies, Flows flows) {}

  /**
   * Support e-mails, and the conversations that needed none.
   *
   * @param deflection share of conversations resolved without a support e-mail: {@code hard} by a
   *     helpful vote or a flow's resolved end, {@code soft} by no e-mail in the conversation
   */
  public record Escalation(
      long supportEmails, long conversationsWithEmail, Deflection deflection) {}

  /** Replies by type. */
  public record Replies(
      long answered, long suggested, long fellBack, long outOfScope, long smallTalk, long flow) {}

  /** Flows started from a message, ended resolved, ended in the support e-mail step. */
  public record Flows(long started, long resolved, long toEmail) {}

  public record Deflection(Double hard, Double soft, long hardConversations) {}

  public record Votes(long helpful, long unhelpful) {}

  /** One day (UTC) of messages by outcome, for the chart. */
  public record Day(String date, long messages, long answered, long suggested, long fellBack) {}

  public record EntryCount(String entryId, long count) {}

  public record EntryVotes(String entryId, long unhelpful, long helpful) {}

  /** A flow's steps, most reached first, with the share lost from the step before. */
  public record Funnel(String flowId, List<FunnelStep> steps) {}

  public record FunnelStep(String step, long reached, Double dropOff, String outcome) {}

  /** The recorder's state: whether on, events queued, dropped since start, and which store. */
  public record Recording(boolean on, int queued, long dropped, String store, int retentionDays) {}
}
