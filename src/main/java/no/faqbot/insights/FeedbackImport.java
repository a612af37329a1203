package no.faqbot.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import no.faqbot.format.Languages;
import no.faqbot.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves votes from the old {@code feedback.jsonl} into the store once: imported in one go, then the
 * file is renamed to {@code feedback.jsonl.imported} so the next start does not import it again.
 */
public final class FeedbackImport {
  private static final Logger LOG = LoggerFactory.getLogger(FeedbackImport.class);
  public static final String FILE = "feedback.jsonl";
  private static final ObjectMapper JSON = Json.mapper();

  private FeedbackImport() {}

  /**
   * Imports {@code data/feedback.jsonl} when present; returns how many votes. Bad lines are skipped
   * and logged.
   */
  public static int run(Path data, EventRepository events) throws IOException, SQLException {
    Path file = data.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return 0;
    }
    List<Event> votes = new ArrayList<>();
    int lineNumber = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        try {
          votes.add(vote(JSON.readTree(line)));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
          LOG.warn("{}:{}: not a vote, skipped ({})", file, lineNumber, e.getMessage());
        }
      }
    }
    for (int i = 0; i < votes.size(); i += 1000) {
      events.insert(votes.subList(i, Math.min(votes.size(), i + 1000)));
    }
    Files.move(file, data.resolve(FILE + ".imported"), StandardCopyOption.REPLACE_EXISTING);
    LOG.info(
        "Imported {} vote(s) from {} into the event store (the file is now {}.imported)",
        votes.size(),
        file,
        FILE);
    return votes.size();
  }

  private static Event vote(JsonNode v) {
    if (v == null || !v.path("entryId").isTextual() || !v.path("helpful").isBoolean()) {
      throw new IllegalArgumentException("entryId or helpful is missing");
    }
    long at =
        v.path("at").isTextual()
            ? Instant.parse(v.path("at").asText()).toEpochMilli()
            : v.path("at").isNumber()
                ? (long) (v.path("at").asDouble() * 1000)
                : System.currentTimeMillis();
    String lang = v.path("lang").asText(Languages.DEFAULT);
    String query = v.path("query").isTextual() ? v.path("query").asText() : null;
    return new VoteEvent(
        at, null, lang, v.path("entryId").asText(), v.path("helpful").asBoolean(), query);
  }
}
