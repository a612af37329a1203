package no.faqbot.support;

import jakarta.mail.MessagingException;
import java.util.Optional;

/**
 * Cases without a store (a trial run): new numbers, nothing kept, SMTP tried once when set.
 *
 * @param mailer null: nothing is delivered
 */
public record DirectDesk(SupportService support, SmtpMailer mailer) implements CaseDesk {

  @Override
  public String reference(String posted, String conversation) {
    return posted == null || posted.isBlank() ? support.newCaseRef() : posted.strip();
  }

  @Override
  public Optional<SupportEmailBuilder.Built> sealed(String caseRef) {
    return Optional.empty();
  }

  @Override
  public void keep(SupportEmailBuilder.Built built, String conversation) {}

  @Override
  public boolean canDeliver() {
    return mailer != null;
  }

  @Override
  public Delivery deliver(SupportEmailBuilder.Built built) {
    try {
      mailer.send(built.message());
      return new Delivery(true, false, "smtp");
    } catch (MessagingException e) {
      return new Delivery(false, false, "smtp");
    }
  }
}
