package no.faqbot.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where support requests become cases that are kept and delivered (the {@code cases} feature): the
 * support routes prepare the e-mail and ask this for everything that happens to it after.
 */
public interface CaseDesk {
  /**
   * The case number to prepare under: a new one when {@code posted} is null or blank, else {@code
   * posted} once checked to be a kept case of {@code conversation}.
   *
   * @throws no.faqbot.web.ApiException (404) when there is no such case for that conversation
   */
  String reference(String posted, String conversation);

  /**
   * The kept e-mail of a case that no longer changes (handed over for delivery), else empty: the
   * form posted again does not alter what support gets.
   */
  Optional<SupportEmailBuilder.Built> sealed(String caseRef);

  /** Keeps the case (or updates a new one) with its screenshots, before they are deleted. */
  void keep(SupportEmailBuilder.Built built, String conversation);

  /**
   * The e-mail of the case {@code posted} (or a new one): the sealed one as kept, else made by
   * {@code prepare} under the case's number and kept.
   */
  default SupportEmailBuilder.Built open(
      String posted, String conversation, Function<String, SupportEmailBuilder.Built> prepare) {
    String ref = reference(posted, conversation);
    Optional<SupportEmailBuilder.Built> kept = sealed(ref);
    if (kept.isPresent()) {
      return kept.get();
    }
    SupportEmailBuilder.Built built = prepare.apply(ref);
    keep(built, conversation);
    return built;
  }

  /** Whether this server delivers cases itself (a helpdesk connector or SMTP). */
  boolean canDeliver();

  /** Delivers the kept case now, or queues it to be tried again; says which, truthfully. */
  Delivery deliver(SupportEmailBuilder.Built built);

  /**
   * What became of a case handed over for delivery.
   *
   * @param delivered whether the helpdesk or mail server accepted it already
   * @param queued whether it waits in the delivery queue to be tried again (else, undelivered, it
   *     was not kept: the merchant must send it themselves)
   * @param channel how it goes: {@code webhook}, {@code zendesk}, {@code freshdesk} or {@code smtp}
   */
  record Delivery(boolean delivered, boolean queued, String channel) {
    /** What {@code POST /api/support-email/send} answers about {@code sent}. */
    public Map<String, Object> answer(SupportEmail sent) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("sent", delivered);
      body.put("queued", queued);
      body.put("channel", channel);
      body.put("to", sent.to());
      body.put("caseRef", sent.caseRef());
      body.put("redacted", !sent.redacted().isEmpty());
      return body;
    }
  }
}
