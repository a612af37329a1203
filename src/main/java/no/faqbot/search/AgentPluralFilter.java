package no.faqbot.search;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Reads the definite plural of a Norwegian noun in -er as its indefinite form before stemming
 * (brukerne as brukere, kjøperne as kjøpere). The light stemmer takes -ere and -er off (bruk) but
 * leaves brukerne as brukern, so "legge til brukere" never met "administrere brukerne". Words in
 * -terne and -derne are mostly adjectives (interne, moderne) and stay as they are, as do short
 * words (gjerne).
 */
final class AgentPluralFilter extends TokenFilter {
  private static final int MIN_LENGTH = 7;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  AgentPluralFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws java.io.IOException {
    if (!input.incrementToken()) {
      return false;
    }
    int n = term.length();
    char[] b = term.buffer();
    if (n >= MIN_LENGTH
        && b[n - 4] == 'e'
        && b[n - 3] == 'r'
        && b[n - 2] == 'n'
        && b[n - 1] == 'e'
        && b[n - 5] != 't'
        && b[n - 5] != 'd') {
      b[n - 2] = 'e'; // brukerne -> brukere
      term.setLength(n - 1);
    }
    return true;
  }
}
