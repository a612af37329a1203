package no.faqbot.staff;

import java.io.IOException;
import java.util.Set;
import no.faqbot.search.TextAnalysis;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * The searched words marked in a text ({@code <mark>}), the rest HTML-escaped: Lucene's
 * highlighter.
 */
final class Highlights {
  private final Highlighter highlighter;
  private final TextAnalysis analysis;
  private final String lang;

  /** Marks {@code terms} (as the index analysed them) in texts of {@code lang}. */
  Highlights(Set<String> terms, TextAnalysis analysis, String lang) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    terms.stream()
        .limit(BooleanQuery.getMaxClauseCount())
        .forEach(t -> any.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD));
    this.highlighter =
        new Highlighter(
            new SimpleHTMLFormatter("<mark>", "</mark>"),
            new SimpleHTMLEncoder(),
            new QueryScorer(any.build(), "text"));
    highlighter.setTextFragmenter(new NullFragmenter());
    this.analysis = analysis;
    this.lang = lang;
  }

  /** The text, HTML-escaped, with the searched words in {@code <mark>}. */
  String mark(String text) {
    try {
      String marked = highlighter.getBestFragment(analysis.analyzer(lang), "text", text);
      return marked != null ? marked : SimpleHTMLEncoder.htmlEncode(text);
    } catch (IOException | InvalidTokenOffsetsException e) {
      return SimpleHTMLEncoder.htmlEncode(text);
    }
  }
}
