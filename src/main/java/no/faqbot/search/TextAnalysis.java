package no.faqbot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.faqbot.format.Languages;
import no.faqbot.format.WordLists;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ScandinavianFoldingFilter;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Per-language analysis shared by indexing and querying, so both sides agree on terms. Norwegian:
 * light stemming for bokmål and nynorsk, then folding so æ/ae, ø/oe, å/aa match.
 */
public final class TextAnalysis {
  /** Bump when analysis changes: a stored index built with another version is rebuilt. */
  public static final String VERSION = "analysis-8";

  private final Map<String, Analyzer> byLang;

  public TextAnalysis() {
    this.byLang = Map.of("nb", norwegian(), "en", english());
  }

  public Analyzer analyzer(String lang) {
    return byLang.get(Languages.require(lang));
  }

  /** The analysed terms of {@code text} in order. */
  public List<String> terms(String lang, String text) {
    return analysed(lang, text).terms();
  }

  /**
   * The analysed terms of {@code text} in order, each with where its word starts in {@code text}:
   * to share out a text's terms by where they stand (an answer's among its sentences) without
   * analysing it again part by part.
   */
  AnalysedText analysed(String lang, String text) {
    List<String> terms = new ArrayList<>();
    int[] starts = new int[16];
    try (TokenStream ts = analyzer(lang).tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (terms.size() == starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[terms.size()] = offset.startOffset();
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    return new AnalysedText(terms, starts);
  }

  /** A text's terms in order and where each one's word starts ({@code starts} may run longer). */
  record AnalysedText(List<String> terms, int[] starts) {
    /** The terms whose words start from {@code start} up to {@code end}. */
    List<String> within(int start, int end) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < terms.size(); i++) {
        if (starts[i] >= start && starts[i] < end) {
          out.add(terms.get(i));
        }
      }
      return out;
    }
  }

  private static Analyzer norwegian() {
    CharArraySet stop = CharArraySet.copy(NorwegianAnalyzer.getDefaultStopSet());
    // Words that carry meaning in merchants' problems ("går ikke gjennom"); see the file's note.
    WordLists.lines("stop-words-kept", "nb").forEach(stop::remove);
    CharArraySet stopWords = CharArraySet.unmodifiableSet(stop);
    return analyzer(
        source -> {
          TokenStream ts = new LowerCaseFilter(source);
          ts = new StopFilter(ts, stopWords);
          ts = new AgentPluralFilter(ts);
          ts =
              new NorwegianLightStemFilter(
                  ts, NorwegianLightStemmer.BOKMAAL | NorwegianLightStemmer.NYNORSK);
          ts = new ScandinavianFoldingFilter(ts);
          return new ASCIIFoldingFilter(ts);
        });
  }

  /**
   * Function words that say nothing about the topic; question words stay, they carry intent ({@code
   * no/faqbot/words/en/stop-words.txt}).
   */
  private static final List<String> MORE_ENGLISH_STOP_WORDS = WordLists.lines("stop-words", "en");

  private static Analyzer english() {
    CharArraySet stop = CharArraySet.copy(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    stop.addAll(MORE_ENGLISH_STOP_WORDS);
    CharArraySet stopWords = CharArraySet.unmodifiableSet(stop);
    return analyzer(
        source -> {
          TokenStream ts = new EnglishPossessiveFilter(source);
          ts = new LowerCaseFilter(ts);
          ts = new StopFilter(ts, stopWords);
          ts = new ASCIIFoldingFilter(ts);
          return new PorterStemFilter(ts);
        });
  }

  /** An analyzer over the standard tokenizer with {@code filters} after it. */
  private static Analyzer analyzer(
      java.util.function.Function<StandardTokenizer, TokenStream> filters) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, filters.apply(source));
      }
    };
  }
}
