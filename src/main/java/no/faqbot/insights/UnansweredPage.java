package no.faqbot.insights;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.content.FaqEntry;
import no.faqbot.format.Languages;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.web.ApiException;

/**
 * The staff page of unanswered questions ({@code /staff/insights/unanswered}): the groups a page at
 * a time with their forms, and what the last form post left to say, looked up by key.
 */
final class UnansweredPage {
  /**
   * Rows drawn per page: each carries three forms, and a hundred of them made a 200 KB page that
   * took longer to draw than the list takes to find; more come with a link.
   */
  static final int PAGE = 50;

  /** The staff page's text for each reason a phrasing was refused. */
  private static final Map<String, String> REFUSALS =
      Map.of(
          "marker",
          "teksten har merket for en fjernet hemmelighet; skriv den ut i stedet",
          "secret",
          "teksten ser ut til å inneholde en hemmelighet eller personopplysninger",
          "language",
          "teksten er på et annet språk enn oppføringen; legg den til der",
          "entry",
          "fant ingen oppføring med den id-en eller det spørsmålet; velg en fra listen"
              + " (no entry with that id or question: pick one from the list)",
          "stale",
          "noen publiserte en endring samtidig; last siden på nytt og prøv igjen"
              + " (someone published meanwhile: reload and try again)",
          "rejected",
          "endringen ville gitt feil i innholdet, så ingenting ble endret"
              + " (the change would have broken the content; nothing was changed)");

  /**
   * The notices a form post leaves on the page, by key: the page shows one of these, never text
   * from its address, which anyone can put in a link to a staff member.
   */
  private static final Map<String, String> NOTICES =
      Map.of("dismissed", "Skjult.", "added", "Lagt til som alternativ.");

  private final KnowledgeBase knowledge;
  private final Clock clock;

  UnansweredPage(KnowledgeBase knowledge, Clock clock) {
    this.knowledge = knowledge;
    this.clock = clock;
  }

  /** How many groups to draw: {@code show} when it is a whole number, at least one page. */
  static int shown(String show, int total) {
    int wanted = PAGE;
    if (show != null && show.matches("\\d{1,6}")) {
      wanted = Math.max(PAGE, Integer.parseInt(show));
    }
    return Math.min(wanted, Math.max(total, PAGE));
  }

  void render(Context ctx, List<UnansweredGroup> groups) {
    String skeletonOf = ctx.queryParam("skeleton");
    int shown = shown(ctx.queryParam("show"), groups.size());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(
        "groups",
        groups.stream()
            .limit(shown)
            .map(
                g ->
                    Map.of(
                        "g",
                        g,
                        "lastSeen",
                        Instant.ofEpochMilli(g.lastSeen())
                            .toString()
                            .substring(0, 16)
                            .replace('T', ' '),
                        "skeleton",
                        g.id().equals(skeletonOf)
                            ? UnansweredActions.skeleton(g, LocalDate.now(clock))
                            : ""))
            .toList());
    model.put("total", groups.size());
    model.put("shown", shown);
    model.put("more", Math.min(groups.size(), shown + PAGE));
    model.put(
        "days",
        ApiException.parse(
            () -> Period.days(ctx.queryParam("days"), UnansweredRoutes.DEFAULT_DAYS)));
    model.put("lang", InsightsRoutes.lang(ctx) == null ? "" : InsightsRoutes.lang(ctx));
    model.put("periods", InsightsRoutes.PERIODS);
    model.put("langs", Languages.ALL);
    model.put("done", notice(ctx.queryParam("done"), ctx.queryParam("entry")));
    model.put("refused", REFUSALS.get(String.valueOf(ctx.queryParam("refused"))));
    model.put("candidates", candidates(ctx.queryParam("candidates"), InsightsRoutes.lang(ctx)));
    Map<String, Object> entries = new LinkedHashMap<>();
    for (String l : Languages.ALL) {
      entries.put(
          l,
          knowledge.current().content().entries(l).stream()
              .filter(e -> !e.isFlowTrigger())
              .toList());
    }
    model.put("entries", entries);
    StaffPage.render(ctx, "staff-unanswered", model);
  }

  /** The notice for {@code key}, naming {@code entry} only when the content has it; else null. */
  private String notice(String key, String entry) {
    String text = key == null ? null : NOTICES.get(key);
    if (text == null
        || entry == null
        || Languages.ALL.stream()
            .noneMatch(l -> knowledge.current().content().entry(entry, l).isPresent())) {
      return text;
    }
    return text.substring(0, text.length() - 1) + " i " + entry + ".";
  }

  /**
   * The entries a refused "add" offers instead, looked up by id in the content (never text from the
   * address).
   */
  private List<FaqEntry> candidates(String ids, String lang) {
    if (ids == null || ids.isBlank()) {
      return List.of();
    }
    var content = knowledge.current().content();
    return Arrays.stream(ids.split(","))
        .limit(EntryPicker.CANDIDATES)
        .flatMap(
            id ->
                (lang == null ? Languages.ALL : List.of(lang))
                    .stream().flatMap(l -> content.entry(id.strip(), l).stream()).limit(1))
        .filter(e -> !e.isFlowTrigger())
        .toList();
  }
}
