package no.faqbot.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import no.faqbot.web.Json;

/**
 * Appends each vote as one JSON line to a file ({@code data/feedback.jsonl} by default): easy to
 * read with any tool later, and a crash loses at most the line being written. The file is bounded:
 * a vote that would take it past the cap first moves it to {@code feedback.1.jsonl} (replacing the
 * one before), so both together stay under twice the cap however many votes arrive. Lines are
 * written whole, one at a time, and never split across the two files.
 */
public final class FeedbackStore {
  private static final ObjectMapper JSON = Json.mapper();
  /** About 50,000 votes; the file before is kept, so up to twice this is on disk. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  private final Path file;
  private final Path previous;
  private final long maxBytes;
  private final Clock clock;
  private final DataFolder folder;

  public FeedbackStore(Path file, long maxBytes, Clock clock) {
    this.file = file;
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    this.previous = file.resolveSibling(dot > 0 ? name.substring(0, dot) + ".1" + name.substring(dot) : name + ".1");
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.folder = new DataFolder(file.toAbsolutePath().getParent());
  }

  /** One stored vote. */
  public record Vote(Instant at, String entryId, String lang, boolean helpful, String query) {}

  /** Thrown when the vote cannot be written; the cause is logged once, when storing starts failing. */
  public static final class UnavailableException extends RuntimeException {
    UnavailableException(String message) {
      super(message);
    }
  }

  public synchronized void add(String entryId, String lang, boolean helpful, String query) {
    byte[] line = line(new Vote(Instant.now(clock), entryId, lang, helpful, query));
    try {
      Files.createDirectories(folder.path());
      long size = size(file);
      if (size > 0 && size + line.length > maxBytes) {
        Files.move(file, previous, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      append(line);
      folder.written(file);
    } catch (IOException e) {
      folder.failed(file, e);
      throw new UnavailableException("feedback cannot be stored right now: the server's data folder is not writable");
    }
  }

  /** {@code ok}, or {@code unwritable} when votes cannot be stored (for {@code /health}). */
  public String dataState() {
    return folder.state();
  }

  public Path file() {
    return file;
  }

  private void append(byte[] line) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      long before = channel.size();
      try {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException e) {
        channel.truncate(before); // a full disk must not leave half a line behind
        throw e;
      }
    }
  }

  private static long size(Path path) throws IOException {
    try {
      return Files.size(path);
    } catch (NoSuchFileException e) {
      return 0;
    }
  }

  private static byte[] line(Vote vote) {
    try {
      return (JSON.writeValueAsString(vote) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a vote is always JSON", e);
    }
  }
}
