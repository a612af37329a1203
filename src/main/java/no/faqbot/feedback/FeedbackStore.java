package no.faqbot.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import no.faqbot.web.Json;

/**
 * Appends each vote as one JSON line to a file ({@code data/feedback.jsonl} by default): easy to
 * read with any tool later, and a crash loses at most the line being written.
 */
public final class FeedbackStore {
  private static final ObjectMapper JSON = Json.mapper();

  private final Path file;
  private final Clock clock;

  public FeedbackStore(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** One stored vote. */
  public record Vote(Instant at, String entryId, String lang, boolean helpful, String query) {}

  public synchronized void add(String entryId, String lang, boolean helpful, String query) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      byte[] line = (JSON.writeValueAsString(new Vote(Instant.now(clock), entryId, lang, helpful, query)) + "\n")
          .getBytes(StandardCharsets.UTF_8);
      Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not store feedback in " + file, e);
    }
  }

  public Path file() {
    return file;
  }
}
