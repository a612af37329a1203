package no.faqbot.staff;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import no.faqbot.chat.ChatService;
import no.faqbot.knowledge.ContentReloader;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.search.TextAnalysis;
import no.faqbot.web.Routes;
import no.faqbot.web.StaffRole;

/**
 * The staff pages behind {@link StaffAccess}: search ({@link SearchPage}), and entries, content
 * status and flow diagrams ({@link ContentPages}).
 */
public final class StaffRoutes implements Routes {
  private final SearchPage search;
  private final ContentPages content;

  public StaffRoutes(
      KnowledgeBase knowledge,
      TextAnalysis analysis,
      ContentReloader reloader,
      int staleDays,
      ChatService chat) {
    this.search = new SearchPage(knowledge, analysis, chat);
    this.content = new ContentPages(knowledge, reloader, staleDays);
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get(
        "/staff", ctx -> ctx.redirect("/staff/search", HttpStatus.SEE_OTHER), StaffRole.AGENT);
    search.addTo(routes);
    content.addTo(routes);
  }
}
