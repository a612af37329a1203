package no.faqbot.revisions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import no.faqbot.flow.Flow;
import no.faqbot.flow.FlowParser;
import no.faqbot.flow.StateCodec;
import no.faqbot.format.Sha256;

/**
 * Finds a guided flow's earlier version in the content revisions of the last day, for a replica
 * that never served it (started after the change, or behind in a rolling deploy): a conversation
 * started elsewhere on that version then continues here.
 */
public final class FlowArchive implements BiFunction<String, String, Optional<Flow>> {
  /** Revisions looked through at most (newest first). */
  private static final int LOOK_BACK = 50;

  private final RevisionLog log;
  private final Clock clock;

  public FlowArchive(RevisionLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public Optional<Flow> apply(String id, String revision) {
    Instant since = clock.instant().minus(StateCodec.MAX_AGE);
    List<Revision> recent = log.list(LOOK_BACK);
    for (Revision r : recent) {
      for (var file : log.files(r.number(), "flows/").entrySet()) {
        // The flow's revision is a hash of its text (FlowParser): compare before parsing.
        String text = new String(file.getValue(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        if (Sha256.hex(text.getBytes(StandardCharsets.UTF_8)).startsWith(revision)) {
          Flow flow = new FlowParser().parse(file.getKey(), text).flow();
          if (flow != null && flow.id().equals(id) && flow.revision().equals(revision)) {
            return Optional.of(flow);
          }
        }
      }
      // The first revision older than a day was still served at the day's start: it counts too.
      if (r.created().isBefore(since)) {
        break;
      }
    }
    return Optional.empty();
  }
}
