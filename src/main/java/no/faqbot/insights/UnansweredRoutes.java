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
  static final int DEFAULT_DAYS = 30;

  private final UnansweredFinder finder;
  private final UnansweredActions actions;
  private final UnansweredPage page;
  private final Clock clock;

  public UnansweredRoutes(
      UnansweredFinder finder, UnansweredActions actions, KnowledgeBase knowledge, Clock clock) {
    this.finder = finder;
    this.actions = actions;
    this.page = new UnansweredPage(knowledge, clock);
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
    routes.get("/staff/insights/unanswered", ctx -> page.render(ctx, groups(ctx)), StaffRole.AGENT);
    // What changes content (or hides what merchants asked) is an editor's.
    routes.post("/staff/api/unanswered/{id}/alternative", this::alternative, StaffRole.EDITOR);
    routes.post(
        "/staff/api/unanswered/{id}/dismiss",
        ctx -> {
          actions.dismiss(group(ctx), StaffPage.user(ctx));
          done(ctx, Map.of("dismissed", ctx.pathParam("id")), "dismissed", null);
        },
        StaffRole.EDITOR);
    routes.post(
        "/staff/api/unanswered/{id}/skeleton",
        ctx -> {
          String markdown = actions.skeleton(group(ctx), StaffPage.user(ctx));
          if (form(ctx)) {
            back(ctx, "&skeleton=" + ctx.pathParam("id") + "#g-" + ctx.pathParam("id"));
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
      added = actions.addAlternative(group, entryId.strip(), lang, text, StaffPage.user(ctx));
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
      back(ctx, "&refused=stale");
      return;
    } catch (ContentRejectedException | IllegalArgumentException e) {
      // An IllegalArgumentException here is the entry's file refusing the change (it cannot be
      // done safely), which the staff member can act on.
      if (!form(ctx)) {
        throw e instanceof ContentRejectedException rejected
            ? PublishErrors.of(rejected)
            : new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
      }
      back(ctx, "&refused=rejected");
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
      back(
          ctx,
          "&refused=entry&candidates="
              + URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8)
              + "#g-"
              + ctx.pathParam("id"));
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
      back(ctx, "&refused=" + URLEncoder.encode(why.reason, StandardCharsets.UTF_8));
    } else {
      throw new ApiException(ErrorCode.PHRASING_REFUSED, why.getMessage());
    }
  }

  private static boolean form(Context ctx) {
    String type = ctx.contentType();
    return type != null
        && (type.startsWith("application/x-www-form-urlencoded")
            || type.startsWith("multipart/form-data"));
  }

  /** Redirects a form post back to the page it came from, in its period and language. */
  private static void back(Context ctx, String then) {
    String days = ctx.queryParam("days");
    String lang = ctx.queryParam("lang");
    ctx.redirect(
        "/staff/insights/unanswered?days="
            + (days == null
                ? DEFAULT_DAYS
                : ApiException.parse(() -> Period.days(days, DEFAULT_DAYS)))
            + (lang == null ? "" : "&lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8))
            + then,
        HttpStatus.SEE_OTHER);
  }

  private static void done(Context ctx, Map<String, Object> json, String notice, String entry) {
    if (form(ctx)) {
      back(
          ctx,
          "&done="
              + notice
              + (entry == null
                  ? ""
                  : "&entry=" + URLEncoder.encode(entry, StandardCharsets.UTF_8)));
    } else {
      ctx.json(json);
    }
  }
}
