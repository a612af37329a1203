package no.faqbot;

import io.javalin.Javalin;
import java.util.List;
import no.faqbot.chat.AnswerPolicy;
import no.faqbot.chat.ChatRoutes;
import no.faqbot.chat.ChatService;
import no.faqbot.config.Settings;
import no.faqbot.content.ContentLoader;
import no.faqbot.content.ContentProblem;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.MarkdownRenderer;
import no.faqbot.search.IndexStore;
import no.faqbot.search.KnowledgeBase;
import no.faqbot.search.KnowledgeRoutes;
import no.faqbot.search.SearchIndex;
import no.faqbot.search.TextAnalysis;
import no.faqbot.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: creates every service in dependency order with plain constructors. */
public final class App implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private final Settings settings;
  private final KnowledgeBase knowledge;
  private final ChatService chat;

  private App(Settings settings, KnowledgeBase knowledge, ChatService chat) {
    this.settings = settings;
    this.knowledge = knowledge;
    this.chat = chat;
  }

  /** Loads the content, opens (or builds) the index and wires the services. */
  public static App start(Settings settings) {
    TextAnalysis analysis = new TextAnalysis();
    ContentLoader loader = new ContentLoader(settings.content(), new MarkdownRenderer());
    ContentSnapshot content = loader.load();
    for (ContentProblem problem : content.problems()) {
      LOG.warn("Content problem (file skipped): {}", problem);
    }
    IndexStore store = new IndexStore(settings.index(), analysis);
    SearchIndex index = new SearchIndex(content, store.open(content), analysis);
    KnowledgeBase knowledge = new KnowledgeBase(index);
    ChatService chat = new ChatService(knowledge, AnswerPolicy.DEFAULT);
    return new App(settings, knowledge, chat);
  }

  /** The HTTP server with every route; tests start it on port 0. */
  public Javalin server() {
    return WebServer.create(List.of(new KnowledgeRoutes(knowledge), new ChatRoutes(chat)));
  }

  public Settings settings() {
    return settings;
  }

  public KnowledgeBase knowledge() {
    return knowledge;
  }

  public ChatService chat() {
    return chat;
  }

  @Override
  public void close() {
    knowledge.close();
  }
}
