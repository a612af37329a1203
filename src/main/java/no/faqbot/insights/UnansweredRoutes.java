package no.faqbot.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.content.FaqEntry;
import no.faqbot.format.Languages;
import no.faqbot.knowledge.ContentRejectedException;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.knowledge.PublishErrors;
import no.faqbot.knowledge.StaleRevisionException;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Json;
import no.faqbot.web.Routes;
import no.faqbot.web.StaffRole;

/**
 * {@code /staff/insights/unanswered} and {@code GET /staff/api/unanswered}, with the actions {@code
 * POST /staff/api/unanswered/{id}/alternative | dismiss | skeleton}: JSON for scripts, or a form
 * post from the page (answered with a redirect back). The staff guard checks the login and, for
 * session posts, the CSRF token.
 */
public final class UnansweredRoutes implements Routes {
  private static final ObjectMapper JSON = Json.mapper();
  private static final int DEFAULT_DAYS = 30;

  private final UnansweredFinder finder;
  private final UnansweredActions actions;
  private final KnowledgeBase knowledge;
  private final Clock clock;

  public UnansweredRoutes(
      UnansweredFinder finder, UnansweredActions actions, KnowledgeBase knowledge, Clock clock) {
    this.finder = finder;
    this.actions = actions;
    this.knowledge = knowledge;
    this.clock = clock;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/staff/api/unanswered",
        ctx ->
            ctx.json(
                Map.of("unanswered", groups(ctx).stream().map(UnansweredRoutes::json).toList())),
        StaffRole.AGENT);
    routes.get("/staff/insights/unanswered", this::page, StaffRole.AGENT);
    // What changes content (or hides what merchants asked) is an editor's.
    routes.post("/staff/api/unanswered/{id}/alternative", this::alternative, StaffRole.EDITOR);
    routes.post(
        "/staff/api/unanswered/{id}/dismiss",
        ctx -> {
          actions.dismiss(group(ctx), PrivacyRoutes.user(ctx));
          done(ctx, Map.of("dismissed", ctx.pathParam("id")), "dismissed", null);
        },
        StaffRole.EDITOR);
    routes.post(
        "/staff/api/unanswered/{id}/skeleton",
        ctx -> {
          String markdown = actions.skeleton(group(ctx), PrivacyRoutes.user(ctx));
          if (form(ctx)) {
            ctx.redirect(
                back(ctx) + "&skeleton=" + ctx.pathParam("id") + "#g-" + ctx.pathParam("id"),
                HttpStatus.SEE_OTHER);
          } else {
            ctx.json(Map.of("markdown", markdown));
          }
        },
        StaffRole.EDITOR);
  }

  private static Map<String, Object> json(UnansweredGroup g) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", g.id());
    row.put("lang", g.lang());
    row.put("count", g.count());
    row.put("lastSeen", Instant.ofEpochMilli(g.lastSeen()).toString());
    row.put("examples", g.examples());
    return row;
  }

  private List<UnansweredGroup> groups(Context ctx) throws SQLException {
    Period period = Period.of(ctx, DEFAULT_DAYS, clock);
    return finder.find(period.from(), period.to(), InsightsRoutes.lang(ctx));
  }

  /**
   * The group with the path's id in the same period and language as the list it was picked from.
   */
  private UnansweredGroup group(Context ctx) throws SQLException {
    String id = ctx.pathParam("id");
    return groups(ctx).stream()
        .filter(g -> g.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.NOT_FOUND,
                    "no unanswered group '" + id + "' in this period (already handled?)"));
  }

  private void alternative(Context ctx) throws Exception {
    String entryId;
    String lang;
    String text;
    if (form(ctx)) {
      entryId = ctx.formParam("entryId");
      lang = ctx.formParam("lang");
      text = ctx.formParam("text");
    } else {
      JsonNode body = JSON.readTree(ctx.bodyAsBytes());
      if (body == null || !body.isObject()) {
        throw new ApiException(
            ErrorCode.BAD_REQUEST, "send {\"entryId\": \"...\", \"lang\": \"nb\"}");
      }
      entryId = body.path("entryId").isTextual() ? body.get("entryId").asText() : null;
      lang = body.path("lang").isTextual() ? body.get("lang").asText() : null;
      text = body.path("text").isTextual() ? body.get("text").asText() : null;
    }
    if (entryId == null || entryId.isBlank()) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "entryId is missing: the entry to add the phrasing to");
    }
    UnansweredGroup group = group(ctx);
    String asked = lang == null || lang.isBlank() ? group.lang() : lang;
    lang = ApiException.parse(() -> Languages.require(asked));
    String added;
    try {
      added = actions.addAlternative(group, entryId.strip(), lang, text, PrivacyRoutes.user(ctx));
    } catch (AlternativeCheck.Refused e) {
      refused(ctx, e);
      return;
    } catch (EntryPicker.NotFound e) {
      notFound(ctx, e);
      return;
    } catch (StaleRevisionException e) {
      if (!form(ctx)) {
        throw PublishErrors.of(e);
      }
      ctx.redirect(back(ctx) + "&refused=stale", HttpStatus.SEE_OTHER);
      return;
    } catch (ContentRejectedException | IllegalArgumentException e) {
      // An IllegalArgumentException here is the entry's file refusing the change (it cannot be
      // done safely), which the staff member can act on.
      if (!form(ctx)) {
        throw e instanceof ContentRejectedException rejected
            ? PublishErrors.of(rejected)
            : new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
      }
      ctx.redirect(back(ctx) + "&refused=rejected", HttpStatus.SEE_OTHER);
      return;
    }
    done(
        ctx,
        Map.of("entryId", entryId.strip(), "lang", lang, "alternative", added, "served", true),
        "added",
        entryId.strip());
  }

  /**
   * The field named no entry: the staff page says so with the closest entries to pick from (by id,
   * looked up again when drawn); JSON gets 404 with them as {@code candidates}.
   */
  private static void notFound(Context ctx, EntryPicker.NotFound e) {
    List<String> ids = e.candidates.stream().map(FaqEntry::id).toList();
    if (form(ctx)) {
      ctx.redirect(
          back(ctx)
              + "&refused=entry&candidates="
              + URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8)
              + "#g-"
              + ctx.pathParam("id"),
          HttpStatus.SEE_OTHER);
      return;
    }
    throw new ApiException(ErrorCode.NOT_FOUND, e.getMessage())
        .with(
            "candidates",
            e.candidates.stream()
                .map(c -> Map.of("id", c.id(), "question", c.question()))
                .toList());
  }

  /** A refused phrasing: said on the staff page for a form, 400 "phrasing_refused" for JSON. */
  private static void refused(Context ctx, AlternativeCheck.Refused why) {
    if (form(ctx)) {
      // A key, not the text: nothing from the address reaches the page.
      ctx.redirect(
          back(ctx) + "&refused=" + URLEncoder.encode(why.reason, StandardCharsets.UTF_8),
          HttpStatus.SEE_OTHER);
    } else {
      throw new ApiException(ErrorCode.PHRASING_REFUSED, why.getMessage());
    }
  }

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

  private static boolean form(Context ctx) {
    String type = ctx.contentType();
    return type != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"));
  }

  private static String back(Context ctx) {
    String days = ctx.queryParam("days");
    String lang = ctx.queryParam("lang");
    return "/staff/insights/unanswered?days="
        + (days == null ? DEFAULT_DAYS : ApiException.parse(() -> Period.days(days, DEFAULT_DAYS)))
        + (lang == null ? "" : "&lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8));
  }

  /**
   * The notices a form post leaves on the page, by key: the page shows one of these, never text
   * from its address, which anyone can put in a link to a staff member.
   */
  private static final Map<String, String> NOTICES =
      Map.of("dismissed", "Skjult.", "added", "Lagt til som alternativ.");

  private static void done(Context ctx, Map<String, Object> json, String notice, String entry) {
    if (form(ctx)) {
      ctx.redirect(
          back(ctx)
              + "&done="
              + notice
              + (entry == null ? "" : "&entry=" + URLEncoder.encode(entry, StandardCharsets.UTF_8)),
          HttpStatus.SEE_OTHER);
    } else {
      ctx.json(json);
    }
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
   * Rows drawn per page: each carries three forms, and a hundred of them made a 200 KB page that
   * took longer to draw than the list takes to find; more come with a link.
   */
  static final int PAGE = 50;

  /** How many groups to draw: {@code show} when it is a whole number, at least one page. */
  static int shown(String show, int total) {
    int wanted = PAGE;
    if (show != null && show.matches("\\d{1,6}")) {
      wanted = Math.max(PAGE, Integer.parseInt(show));
    }
    return Math.min(wanted, Math.max(total, PAGE));
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
    return java.util.Arrays.stream(ids.split(","))
        .limit(EntryPicker.CANDIDATES)
        .flatMap(
            id ->
                (lang == null ? Languages.ALL : List.of(lang))
                    .stream().flatMap(l -> content.entry(id.strip(), l).stream()).limit(1))
        .filter(e -> !e.isFlowTrigger())
        .toList();
  }

  private void page(Context ctx) throws SQLException {
    List<UnansweredGroup> groups = groups(ctx);
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
                            ? UnansweredActions.skeleton(g, java.time.LocalDate.now(clock))
                            : ""))
            .toList());
    model.put("total", groups.size());
    model.put("shown", shown);
    model.put("more", Math.min(groups.size(), shown + PAGE));
    model.put("days", ApiException.parse(() -> Period.days(ctx.queryParam("days"), DEFAULT_DAYS)));
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
    model.put("user", ctx.attribute("staffUser"));
    model.put("csrf", ctx.attribute("csrf") == null ? "" : ctx.attribute("csrf"));
    ctx.header("Content-Security-Policy", InsightsRoutes.CSP);
    ctx.contentType("text/html; charset=utf-8").render("staff-unanswered", model);
  }
}
