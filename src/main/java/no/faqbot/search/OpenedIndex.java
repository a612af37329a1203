package no.faqbot.search;

import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;

/** An open Lucene reader of the index in {@code folder}, and how it came about. */
public record OpenedIndex(DirectoryReader reader, Outcome outcome, Path folder) {
  /** Whether the stored index was reused or built anew, for logs and {@code /health}. */
  public enum Outcome {
    REUSED,
    BUILT
  }
}
