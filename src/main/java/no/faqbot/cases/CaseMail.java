package no.faqbot.cases;

import java.time.Instant;
import no.faqbot.support.SupportEmailBuilder;
import no.faqbot.support.SupportService;

/** A kept case's e-mail again, its screenshots read from the case's files. */
final class CaseMail {
  private final SupportService support;
  private final CaseFiles files;

  CaseMail(SupportService support, CaseFiles files) {
    this.support = support;
    this.files = files;
  }

  SupportEmailBuilder.Built of(KeptCase kept) {
    CaseRequest r = kept.request();
    return support.rebuild(
        r.toRequest(kept.lang(), i -> files.open(kept.caseRef(), i)),
        kept.caseRef(),
        Instant.ofEpochMilli(kept.createdAt()),
        r.redactions());
  }
}
