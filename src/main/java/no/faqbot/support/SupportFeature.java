package no.faqbot.support;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import no.faqbot.flow.FlowVersions;
import no.faqbot.flow.StateCodec;
import no.faqbot.knowledge.KnowledgeBase;
import no.faqbot.web.ClientAddress;
import no.faqbot.web.UploadLimits;

/**
 * The support e-mail wired: the service that prepares them, SMTP when configured, the private
 * folder where screenshots wait, and the threads that serve support requests off the HTTP pool.
 *
 * @param mailer SMTP; null when none is configured and e-mails are only prepared
 * @param uploads where screenshots wait while a support request is answered
 * @param slowWork requests that wait on a merchant's upload or an SMTP server, off the HTTP pool
 */
public record SupportFeature(
    SupportLimits limits,
    SupportService service,
    SmtpMailer mailer,
    UploadFolder uploads,
    ExecutorService slowWork)
    implements AutoCloseable {

  /** Support e-mails are rare; more at once wait their turn without holding an HTTP thread. */
  private static final int SLOW_WORK_THREADS = 16;

  /**
   * Makes the service, SMTP, the upload folder and the support threads.
   *
   * @param email where prepared e-mails go
   * @param smtp where the server sends them itself; null when it only prepares them
   * @param flowVersions the flows' earlier versions, shared with the chat
   */
  public static SupportFeature wire(
      String email,
      SupportLimits limits,
      SmtpSettings smtp,
      StateCodec states,
      FlowVersions flowVersions) {
    return new SupportFeature(
        limits,
        new SupportService(
            email, limits, states, Clock.system(ZoneId.of("Europe/Oslo")), flowVersions),
        smtp == null ? null : new SmtpMailer(smtp),
        UploadFolder.create(),
        Executors.newFixedThreadPool(SLOW_WORK_THREADS, daemon("faqbot-support")));
  }

  /** How support requests' bodies are read: their sizes, deadline and per-client cap. */
  public UploadLimits uploadLimits(ClientAddress clients) {
    return SupportRoutes.uploadLimits(limits, clients, uploads.path());
  }

  /**
   * The support routes, keeping cases at {@code desk} (null: none kept, each sent straight away)
   * and telling {@code prepared} of every e-mail prepared.
   */
  public SupportRoutes routes(
      KnowledgeBase knowledge, CaseDesk desk, Consumer<SupportCase> prepared) {
    return new SupportRoutes(
        service,
        knowledge,
        desk == null ? new DirectDesk(service, mailer) : desk,
        slowWork,
        uploads,
        prepared);
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return work -> {
      Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    slowWork.shutdownNow();
    uploads.close();
  }
}
