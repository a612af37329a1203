package no.faqbot.insights;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code events} table's row: which columns each kind of {@link Event} fills (the others stay
 * null), for writing, reading back, the per-day counts and export. A new value is a column here
 * (and a migration), a component of the kinds that have it, and a line in {@link #values} and
 * {@link #read}.
 */
final class EventRow {
  /** The table's columns, in the order they are written and read, with the width text is cut to. */
  enum Column {
    AT,
    KIND,
    CONVERSATION(64),
    LANG,
    /** Cut after secrets are removed, so a cut never hides a secret from the removal. */
    MESSAGE(Event.MAX_MESSAGE),
    REPLY_TYPE,
    ENTRY_ID(200),
    SCORE,
    RUNNER_UP_ID(200),
    RUNNER_UP_SCORE,
    SUGGESTIONS,
    FLOW_ID(200),
    FLOW_STEP(200),
    FLOW_OUTCOME(64),
    HELPFUL,
    CASE_REF(64),
    PROBLEM(200),
    ERROR_CODE(64);

    /** The longest text kept, 0 when text is not cut. */
    private final int width;

    Column() {
      this(0);
    }

    Column(int width) {
      this.width = width;
    }

    /** Its name in SQL: {@code runner_up_id}. */
    String sql() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Its name in an export: {@code runnerUpId}. */
    String field() {
      String[] words = sql().split("_");
      StringBuilder name = new StringBuilder(words[0]);
      for (int i = 1; i < words.length; i++) {
        name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      }
      return name.toString();
    }

    int index() {
      return ordinal() + 1;
    }
  }

  /** {@code at, kind, conversation, ...} for SELECT and INSERT. */
  static final String COLUMNS =
      Arrays.stream(Column.values()).map(Column::sql).collect(Collectors.joining(", "));

  private EventRow() {}

  /**
   * The columns {@code e} fills: the time as a long, the kind as {@link EventKind}, the scores as
   * Double, the suggestions as a list, a vote as Boolean, the rest as text cut to its column's
   * width; null for the others.
   */
  static Map<Column, Object> values(Event e) {
    Map<Column, Object> v = filled(e);
    v.replaceAll((c, value) -> c.width > 0 ? cut((String) value, c.width) : value);
    return v;
  }

  private static Map<Column, Object> filled(Event e) {
    Map<Column, Object> v = new EnumMap<>(Column.class);
    v.put(Column.AT, e.at());
    v.put(Column.KIND, e.kind());
    v.put(Column.CONVERSATION, e.conversation());
    v.put(Column.LANG, e.lang());
    v.put(Column.MESSAGE, e.message());
    if (e instanceof TurnEvent t) {
      v.put(Column.REPLY_TYPE, t.replyType());
      v.put(Column.ENTRY_ID, t.entryId());
      v.put(Column.SCORE, t.score());
      v.put(Column.RUNNER_UP_ID, t.runnerUpId());
      v.put(Column.RUNNER_UP_SCORE, t.runnerUpScore());
      v.put(Column.SUGGESTIONS, t.suggestions().isEmpty() ? null : t.suggestions());
      if (t.flow() != null) {
        v.put(Column.FLOW_ID, t.flow().flowId());
        v.put(Column.FLOW_STEP, t.flow().stepId());
        v.put(Column.FLOW_OUTCOME, t.flow().outcome());
      }
    } else if (e instanceof PickEvent p) {
      v.put(Column.ENTRY_ID, p.entryId());
    } else if (e instanceof VoteEvent vote) {
      v.put(Column.ENTRY_ID, vote.entryId());
      v.put(Column.HELPFUL, vote.helpful());
    } else if (e instanceof SupportEvent s) {
      v.put(Column.CASE_REF, s.caseRef());
      v.put(Column.PROBLEM, s.problem());
      v.put(Column.ERROR_CODE, s.errorCode());
    }
    return v;
  }

  /** Binds {@code e} to an INSERT of {@link #COLUMNS}. */
  static void bind(PreparedStatement s, Event e) throws SQLException {
    Map<Column, Object> v = values(e);
    for (Column c : Column.values()) {
      Object value = v.get(c);
      int i = c.index();
      switch (c) {
        case AT -> s.setLong(i, (Long) value);
        case KIND -> s.setString(i, ((EventKind) value).column());
        case SCORE, RUNNER_UP_SCORE -> {
          if (value == null) {
            s.setNull(i, Types.DOUBLE);
          } else {
            s.setDouble(i, (Double) value);
          }
        }
        case SUGGESTIONS -> s.setString(i, value == null ? null : String.join(",", list(value)));
        case HELPFUL -> {
          if (value == null) {
            s.setNull(i, Types.SMALLINT);
          } else {
            s.setShort(i, (short) ((Boolean) value ? 1 : 0));
          }
        }
        default -> s.setString(i, (String) value);
      }
    }
  }

  /** The event of the current row of a SELECT of {@link #COLUMNS}. */
  static Event read(ResultSet r) throws SQLException {
    long at = r.getLong(Column.AT.index());
    EventKind kind = EventKind.of(text(r, Column.KIND));
    String conversation = text(r, Column.CONVERSATION);
    String lang = text(r, Column.LANG);
    return switch (kind) {
      case TURN -> {
        String suggestions = text(r, Column.SUGGESTIONS);
        yield new TurnEvent(
            at,
            conversation,
            lang,
            text(r, Column.MESSAGE),
            text(r, Column.REPLY_TYPE),
            text(r, Column.ENTRY_ID),
            number(r, Column.SCORE),
            text(r, Column.RUNNER_UP_ID),
            number(r, Column.RUNNER_UP_SCORE),
            suggestions == null ? List.of() : Arrays.asList(suggestions.split(",")),
            TurnEvent.FlowStep.of(
                text(r, Column.FLOW_ID), text(r, Column.FLOW_STEP), text(r, Column.FLOW_OUTCOME)));
      }
      case PICK -> new PickEvent(at, conversation, lang, text(r, Column.ENTRY_ID));
      case VOTE ->
          new VoteEvent(
              at,
              conversation,
              lang,
              text(r, Column.ENTRY_ID),
              r.getShort(Column.HELPFUL.index()) != 0,
              text(r, Column.MESSAGE));
      case SUPPORT_PREPARED, SUPPORT_SENT ->
          new SupportEvent(
              at,
              kind == EventKind.SUPPORT_SENT,
              conversation,
              lang,
              text(r, Column.CASE_REF),
              text(r, Column.PROBLEM),
              text(r, Column.ERROR_CODE));
    };
  }

  /** {@code s} cut to a column's width. */
  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  @SuppressWarnings("unchecked")
  static List<String> list(Object suggestions) {
    return (List<String>) suggestions;
  }

  private static String text(ResultSet r, Column c) throws SQLException {
    return r.getString(c.index());
  }

  private static Double number(ResultSet r, Column c) throws SQLException {
    double d = r.getDouble(c.index());
    return r.wasNull() ? null : d;
  }
}
