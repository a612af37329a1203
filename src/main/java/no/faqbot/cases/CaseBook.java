package no.faqbot.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.faqbot.store.StoreUnavailableException;
import no.faqbot.support.CaseDesk;
import no.faqbot.support.SupportEmailBuilder;
import no.faqbot.support.SupportService;
import no.faqbot.web.ApiException;
import no.faqbot.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each support request as a case in the store (one number for all that follows) and hands it
 * to the delivery queue; the staff inbox works on the same cases.
 */
public final class CaseBook implements CaseDesk {
  private static final Logger LOG = LoggerFactory.getLogger(CaseBook.class);

  private final CaseRepository cases;
  private final CaseFiles files;
  private final SupportService support;
  private final CaseMail mail;
  private final DeliveryQueue queue;
  private final Clock clock;

  /** {@code queue} is null when nothing delivers cases (no helpdesk, no SMTP). */
  CaseBook(
      CaseRepository cases,
      CaseFiles files,
      SupportService support,
      CaseMail mail,
      DeliveryQueue queue,
      Clock clock) {
    this.mail = mail;
    this.cases = cases;
    this.files = files;
    this.support = support;
    this.queue = queue;
    this.clock = clock;
  }

  @Override
  public String reference(String posted, String conversation) {
    try {
      if (posted == null || posted.isBlank()) {
        String ref;
        do {
          ref = support.newCaseRef();
        } while (cases.find(ref).isPresent());
        return ref;
      }
      String ref = posted.strip();
      Optional<KeptCase> kept = CaseFiles.isRef(ref) ? cases.find(ref) : Optional.empty();
      if (kept.isEmpty() || !Objects.equals(kept.get().conversation(), conversation)) {
        throw new ApiException(
            ErrorCode.NOT_FOUND,
            "no such case in this conversation: leave caseRef out to make a new one");
      }
      return ref;
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public Optional<SupportEmailBuilder.Built> sealed(String caseRef) {
    try {
      return cases.find(caseRef).filter(c -> !KeptCase.NEW.equals(c.status())).map(mail::of);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  @Override
  public void keep(SupportEmailBuilder.Built built, String conversation) {
    String ref = built.preview().caseRef();
    long now = clock.millis();
    try {
      Optional<KeptCase> before = cases.find(ref);
      KeptCase kept =
          new KeptCase(
              ref,
              before.map(KeptCase::createdAt).orElse(now),
              now,
              conversation,
              built.request().lang(),
              KeptCase.NEW,
              null,
              CaseRequest.of(built.request(), built.preview().redacted()));
      if (!cases.save(kept)) {
        return; // handed over meanwhile: it no longer changes
      }
      files.save(ref, built.request().screenshots(), this::evicted);
      if (before.isEmpty()) {
        cases.log(ref, now, "made (" + built.request().screenshots().size() + " screenshot(s))");
      }
    } catch (SQLException e) {
      throw unavailable(e);
    } catch (IOException e) {
      throw new UncheckedIOException("keeping the screenshots of case " + ref + " failed", e);
    }
  }

  private void evicted(String ref) {
    try {
      cases.log(ref, clock.millis(), "screenshots deleted to make room (FAQBOT_CASE_STORAGE_MB)");
    } catch (SQLException e) {
      LOG.warn("Could not log on case {}: {}", ref, e.toString());
    }
  }

  @Override
  public boolean canDeliver() {
    return queue != null;
  }

  @Override
  public Delivery deliver(SupportEmailBuilder.Built built) {
    try {
      String ref = built.preview().caseRef();
      Optional<KeptCase> kept = cases.find(ref);
      if (kept.isPresent() && !KeptCase.NEW.equals(kept.get().status())) {
        // Sent twice (a double tap, a retry after a lost answer): handed over once, never again.
        boolean done =
            !KeptCase.QUEUED.equals(kept.get().status())
                && !KeptCase.FAILED.equals(kept.get().status());
        return new Delivery(done, !done, queue.channel());
      }
      boolean delivered = queue.deliverNow(ref);
      return new Delivery(delivered, !delivered, queue.channel());
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** Staff's retry: queues the case again with no tries counted and tries it at once. */
  public boolean retry(String ref) throws SQLException {
    if (queue == null) {
      throw new IllegalStateException("nothing delivers cases here");
    }
    cases.log(ref, clock.millis(), "retried by staff");
    return queue.deliverNow(ref);
  }

  /** Staff's "resolved": the case leaves the open lists. */
  public void resolve(String ref) throws SQLException {
    cases.setStatus(ref, KeptCase.RESOLVED, null, clock.millis());
    cases.log(ref, clock.millis(), "marked resolved");
  }

  /** Deletes a case with its screenshots; false when there was none. */
  public boolean delete(String ref) throws SQLException, IOException {
    files.delete(ref);
    return cases.delete(ref);
  }

  /** Deletes the cases of a conversation (with the conversation); returns how many. */
  public int deleteConversation(String conversation) {
    try {
      return deleteAll(cases.refsOfConversation(conversation));
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("deleting the cases of a conversation failed", e);
    }
  }

  /** Deletes the cases made before {@code at} (the retention period); returns how many. */
  public int deleteBefore(long at) throws SQLException, IOException {
    return deleteAll(cases.refsBefore(at));
  }

  private int deleteAll(List<String> refs) throws SQLException, IOException {
    for (String ref : refs) {
      delete(ref);
    }
    return refs.size();
  }

  private static StoreUnavailableException unavailable(SQLException e) {
    return new StoreUnavailableException("the case store failed: " + e.getMessage(), e);
  }
}
