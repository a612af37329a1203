package no.faqbot.cases;

import no.faqbot.support.SupportEmailBuilder;

/** Hands a case over to a helpdesk or mail server; any exception means "try again later". */
public interface Connector {
  /** The channel's name as cases and logs show it: {@code webhook}, {@code zendesk}, ... */
  String name();

  /**
   * Delivers one case.
   *
   * @param kept the case with its redacted fields
   * @param email its e-mail (subject, text, screenshots readable from the case's files)
   * @throws Exception when the other side did not take it; the message is logged on the case, so it
   *     must never hold a credential
   */
  void deliver(KeptCase kept, SupportEmailBuilder.Built email) throws Exception;
}
