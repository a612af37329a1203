package no.faqbot.cases;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.faqbot.insights.AuditLog;
import no.faqbot.staff.StaffPage;
import no.faqbot.support.UploadContent;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import no.faqbot.web.Routes;
import no.faqbot.web.StaffRole;

/**
 * The staff inbox of support cases (behind the staff login; posts need the CSRF token): {@code
 * /staff/cases}, {@code GET /staff/api/cases?status=} for scripts, one case with its conversation,
 * steps, fields, screenshots and delivery log, and retry, resolve and delete (audit logged).
 */
record CaseRoutes(
    CaseRepository cases,
    DeliveryRepository deliveries,
    CaseFiles files,
    CaseBook book,
    AuditLog audit)
    implements Routes {
  private static final int LIST = 200;

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/staff/cases", this::page, StaffRole.ADMIN);
    routes.get(
        "/staff/api/cases", ctx -> ctx.json(Map.of("cases", list(status(ctx)))), StaffRole.ADMIN);
    routes.get("/staff/api/cases/{ref}", ctx -> ctx.json(detail(found(ctx))), StaffRole.ADMIN);
    routes.get("/staff/api/cases/{ref}/screenshots/{n}", this::screenshot, StaffRole.ADMIN);
    routes.post("/staff/api/cases/{ref}/retry", ctx -> act(ctx, "retry"), StaffRole.ADMIN);
    routes.post("/staff/api/cases/{ref}/resolve", ctx -> act(ctx, "resolve"), StaffRole.ADMIN);
    routes.post("/staff/api/cases/{ref}/delete", ctx -> act(ctx, "delete"), StaffRole.ADMIN);
    routes.delete("/staff/api/cases/{ref}", ctx -> act(ctx, "delete"), StaffRole.ADMIN);
  }

  private void page(Context ctx) throws SQLException {
    Map<String, Object> model = new LinkedHashMap<>();
    String status = status(ctx);
    model.put("status", status == null ? "" : status);
    model.put("statuses", KeptCase.STATUSES);
    model.put("cases", list(status));
    String ref = ctx.queryParam("case");
    model.put(
        "open", CaseFiles.isRef(ref) ? cases.find(ref).map(this::detailOrNull).orElse(null) : null);
    StaffPage.render(ctx, "staff-cases", model);
  }

  private static String status(Context ctx) {
    String s = ctx.queryParam("status");
    if (s == null || s.isBlank()) {
      return null;
    }
    if (!KeptCase.STATUSES.contains(s.strip())) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST,
          "status must be one of " + String.join(", ", KeptCase.STATUSES) + ", got '" + s + "'");
    }
    return s.strip();
  }

  private List<Map<String, Object>> list(String status) throws SQLException {
    List<Map<String, Object>> list = new ArrayList<>();
    for (KeptCase c : cases.list(status, LIST)) {
      list.add(summary(c));
    }
    return list;
  }

  private KeptCase found(Context ctx) throws SQLException {
    String ref = ctx.pathParam("ref");
    return (CaseFiles.isRef(ref) ? cases.find(ref) : java.util.Optional.<KeptCase>empty())
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no case with that number"));
  }

  private static Map<String, Object> summary(KeptCase c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("caseRef", c.caseRef());
    m.put("status", c.status());
    m.put("channel", c.channel());
    m.put("createdAt", java.time.Instant.ofEpochMilli(c.createdAt()).toString());
    m.put("updatedAt", java.time.Instant.ofEpochMilli(c.updatedAt()).toString());
    m.put("conversation", c.conversation());
    m.put("lang", c.lang());
    m.put("problem", c.request().problem());
    m.put("fields", c.request().fields());
    List<Map<String, Object>> shots = new ArrayList<>();
    for (int i = 0; i < c.request().screenshots().size(); i++) {
      CaseRequest.Shot s = c.request().screenshots().get(i);
      shots.add(
          Map.of(
              "name", s.name(),
              "contentType", s.contentType(),
              "size", s.size(),
              "url", "/staff/api/cases/" + c.caseRef() + "/screenshots/" + i));
    }
    m.put("screenshots", shots);
    return m;
  }

  private Map<String, Object> detailOrNull(KeptCase c) {
    try {
      return detail(c);
    } catch (SQLException e) {
      return null;
    }
  }

  private Map<String, Object> detail(KeptCase c) throws SQLException {
    Map<String, Object> m = summary(c);
    m.put("tried", c.request().tried());
    m.put("redactions", c.request().redactions());
    m.put(
        "log",
        cases.logOf(c.caseRef()).stream()
            .map(
                l ->
                    Map.of(
                        "at",
                        java.time.Instant.ofEpochMilli(l.at()).toString(),
                        "entry",
                        l.entry()))
            .toList());
    m.put("delivery", deliveries.find(c.caseRef()).orElse(null));
    m.put("conversationEvents", cases.conversation(c.conversation()));
    return m;
  }

  private void screenshot(Context ctx) throws Exception {
    KeptCase c = found(ctx);
    int n;
    try {
      n = Integer.parseInt(ctx.pathParam("n"));
    } catch (NumberFormatException e) {
      throw new ApiException(
          ErrorCode.BAD_REQUEST, "the screenshot is chosen by its number, from 0");
    }
    UploadContent content =
        n >= 0 && n < c.request().screenshots().size() ? files.open(c.caseRef(), n) : null;
    if (content == null) {
      throw new ApiException(
          ErrorCode.NOT_FOUND, "no such screenshot (or it was deleted to make room)");
    }
    ctx.contentType(c.request().screenshots().get(n).contentType());
    ctx.header("Content-Security-Policy", "default-src 'none'");
    try (InputStream in = content.open()) {
      in.transferTo(ctx.outputStream());
    }
  }

  private void act(Context ctx, String action) throws Exception {
    KeptCase c = found(ctx);
    String staff = StaffPage.user(ctx);
    String user = staff == null ? "?" : staff;
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("caseRef", c.caseRef());
    switch (action) {
      case "retry" -> {
        if (!book.canDeliver()) {
          throw new ApiException(
              ErrorCode.BAD_REQUEST,
              "nothing delivers cases here: set FAQBOT_HELPDESK or FAQBOT_SMTP_HOST");
        }
        audit.add(user, "case-retry", c.caseRef());
        answer.put("delivered", book.retry(c.caseRef()));
      }
      case "resolve" -> {
        audit.add(user, "case-resolve", c.caseRef());
        book.resolve(c.caseRef());
        answer.put("status", KeptCase.RESOLVED);
      }
      default -> {
        audit.add(user, "case-delete", c.caseRef());
        answer.put("deleted", book.delete(c.caseRef()));
      }
    }
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("text/html")) {
      ctx.redirect(
          "delete".equals(action) ? "/staff/cases" : "/staff/cases?case=" + c.caseRef(),
          HttpStatus.SEE_OTHER);
    } else {
      ctx.json(answer);
    }
  }
}
