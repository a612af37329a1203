package no.faqbot.cases;

import java.time.Duration;

/**
 * Where support cases are delivered and how a failed delivery is tried again.
 *
 * @param helpdesk the helpdesk the cases go to; off sends them by SMTP when that is set
 * @param backoff how long a failed delivery waits before its next try
 * @param poll how often the queue looks for deliveries that are due
 */
public record CaseDelivery(HelpdeskSettings helpdesk, Backoff backoff, Duration poll) {
  /** No helpdesk: cases go by SMTP when that is set. */
  public static final CaseDelivery OFF = to(HelpdeskSettings.OFF);

  /** To {@code helpdesk}, tried again after {@link Backoff#DEFAULT}, looked for every 5 seconds. */
  public static CaseDelivery to(HelpdeskSettings helpdesk) {
    return new CaseDelivery(helpdesk, Backoff.DEFAULT, Duration.ofSeconds(5));
  }
}
