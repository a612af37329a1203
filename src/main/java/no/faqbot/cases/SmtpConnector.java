package no.faqbot.cases;

import no.faqbot.support.SmtpMailer;
import no.faqbot.support.SupportEmailBuilder;

/** Delivers a case as the support e-mail over SMTP ({@code FAQBOT_SMTP_*}). */
final class SmtpConnector implements Connector {
  private final SmtpMailer mailer;

  SmtpConnector(SmtpMailer mailer) {
    this.mailer = mailer;
  }

  @Override
  public String name() {
    return "smtp";
  }

  @Override
  public void deliver(KeptCase kept, SupportEmailBuilder.Built email) throws Exception {
    mailer.send(email.message());
  }
}
