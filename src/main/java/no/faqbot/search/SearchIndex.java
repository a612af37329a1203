package no.faqbot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import no.faqbot.content.ContentSnapshot;
import no.faqbot.content.FaqEntry;
import no.faqbot.format.Languages;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * One content snapshot with its open Lucene index: immutable, shared by all requests until a reload
 * replaces it. Its reader's reference count keeps it open while a search in flight finishes on it.
 */
public final class SearchIndex implements AutoCloseable {
  private final ContentSnapshot content;
  private final DirectoryReader reader;
  private final OpenedIndex.Outcome outcome;

  /** Each language's entries, vocabulary and planner. */
  private final Map<String, LanguageSearch> languages = new HashMap<>();

  /** The widest language's span of ordinals: the size of each thread's scratch. */
  private final int scratchSize;

  /** Where the entries using a term are read from. */
  private final Postings postings;

  /** A plainer ranking of the whole message, for the reply model to weigh against this one. */
  private final SecondOpinion secondOpinion;

  /** Per thread: what the bounds of one message's candidates are added up in. */
  private final CloseableThreadLocal<CandidateGatherer.Scratch> scratch =
      new CloseableThreadLocal<>() {
        @Override
        protected CandidateGatherer.Scratch initialValue() {
          return new CandidateGatherer.Scratch(scratchSize);
        }
      };

  public SearchIndex(AnalysedContent analysed, OpenedIndex opened) {
    this.content = analysed.content();
    this.reader = opened.reader();
    this.outcome = opened.outcome();
    this.postings = new Postings(reader);
    List<FaqEntry> all = new ArrayList<>(analysed.size());
    for (int ordinal = 0; ordinal < analysed.size(); ordinal++) {
      all.add(analysed.entry(ordinal));
    }
    secondOpinion = SecondOpinion.of(all);
    IndexReader.CacheHelper closing = reader.getReaderCacheHelper();
    if (closing != null) {
      closing.addClosedListener( // once, when the last reference is gone
          key -> {
            postings.close();
            secondOpinion.close();
            scratch.close();
            if (opened.kept() != null) {
              opened.kept().close();
            }
          });
    }
    int widest = 0;
    for (String lang : Languages.ALL) {
      LanguageSearch language = new LanguageSearch(analysed, lang, postings, scratch::get);
      languages.put(lang, language);
      widest = Math.max(widest, language.width());
    }
    scratchSize = widest;
  }

  public ContentSnapshot content() {
    return content;
  }

  /** What a plainer ranking of the whole {@code message} says (see {@link SecondOpinion}). */
  public SecondOpinion.Verdict secondOpinion(String message) {
    return secondOpinion.of(message);
  }

  public OpenedIndex.Outcome outcome() {
    return outcome;
  }

  /**
   * Entries of {@code lang} matching {@code message}, best first, at most {@code limit}; only hits
   * that explain some of the message. {@code section} filters when not null. Out-of-scope examples
   * are left out.
   */
  public List<SearchHit> search(String message, String lang, int limit, String section) {
    return search(message, lang, limit, inSection(section), false);
  }

  /** Like {@link #search}, with the out-of-scope examples competing: what the chat decides on. */
  public List<SearchHit> searchWithScope(String message, String lang, int limit) {
    return planned(message, lang).withScope(limit);
  }

  /** One message analysed once, to search it more than one way. */
  public PlannedMessage planned(String message, String lang) {
    LanguageSearch language = language(lang);
    QueryPlan plan = language.plan(message, false);
    return new PlannedMessage(plan, () -> language.candidates(plan, Candidates.KEPT));
  }

  private static Predicate<FaqEntry> inSection(String section) {
    return section == null
        ? e -> !e.isOutOfScope()
        : e -> section.equals(e.section()) && !e.isOutOfScope();
  }

  /** The analysed terms (and their variants) a message searches for, to highlight them. */
  public Set<String> searchTerms(String message, String lang) {
    LanguageSearch language = languages.get(lang);
    return language == null ? new HashSet<>() : language.searchTerms(message);
  }

  /** Questions for what is being typed: the last word may be unfinished. Flows are left out. */
  public List<SearchHit> suggest(String typed, String lang, int limit) {
    boolean unfinished =
        !typed.isEmpty() && !Character.isWhitespace(typed.charAt(typed.length() - 1));
    return search(typed, lang, limit + 2, e -> !e.isOutOfScope(), unfinished).stream()
        .filter(h -> !h.entry().isFlowTrigger())
        .limit(limit)
        .toList();
  }

  private List<SearchHit> search(
      String message, String lang, int limit, Predicate<FaqEntry> filter, boolean lastIsPrefix) {
    LanguageSearch language = language(lang);
    return language.search(language.plan(message, lastIsPrefix), limit, filter);
  }

  private LanguageSearch language(String lang) {
    LanguageSearch language = languages.get(lang);
    if (language == null) {
      throw new IllegalArgumentException("unsupported language '" + lang + "'");
    }
    return language;
  }

  /** For tests: a message's candidates with at most {@code keep} plain ones kept. */
  Candidates candidates(String message, String lang, int keep) {
    LanguageSearch language = language(lang);
    return language.candidates(language.plan(message, false), keep);
  }

  /** For tests: the bound of the entry with this ordinal by its definition, and its terms. */
  double definedBound(String message, String lang, int ordinal) {
    return language(lang).definedBound(message, ordinal);
  }

  /** For tests: how many entries have ordinals, over all languages. */
  int ordinalCount() {
    return postings.ordinalCount();
  }

  /** For tests: whether the entry with this ordinal is searched in {@code lang}. */
  boolean searches(String lang, int ordinal) {
    return language(lang).searches(ordinal);
  }

  /**
   * Takes a reference to the reader (Lucene's own count); false once it has closed because a reload
   * swapped this index out. See {@code knowledge.LiveIndex}, Lucene's ReferenceManager over these.
   */
  public boolean tryIncRef() {
    return reader.tryIncRef();
  }

  /** Gives a reference back; the last one closes the reader (and with it the cursors). */
  public void decRef() throws IOException {
    reader.decRef();
  }

  public int refCount() {
    return reader.getRefCount();
  }

  @Override
  public void close() {
    try {
      decRef();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the index failed", e);
    }
  }
}
