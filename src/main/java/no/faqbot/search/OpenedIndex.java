package no.faqbot.search;

import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;

/**
 * An open Lucene reader of the index in {@code folder}, and how it came about; {@code kept}, when
 * not null, is what else of the folder stays open with the reader (see {@link AnalysisFile}).
 */
public record OpenedIndex(
    DirectoryReader reader, Outcome outcome, Path folder, java.io.Closeable kept) {
  public OpenedIndex(DirectoryReader reader, Outcome outcome, Path folder) {
    this(reader, outcome, folder, null);
  }

  /** Whether the stored index was reused or built anew, for logs and {@code /health}. */
  public enum Outcome {
    REUSED,
    BUILT
  }
}
