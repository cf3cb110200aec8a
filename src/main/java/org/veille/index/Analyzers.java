package org.veille.index;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The analysis chains. French: elision ({@code l'}, {@code d'}, {@code qu'}…), lower case, stop
 * words, light stemming, accent folding. English: possessives, elision, lower case, accent folding,
 * stop words, Porter stemming. Both drop the French and the English stop words. Keywords (source,
 * topic, lang): lower case only. Wildcard and prefix terms are normalised (lower case, accents
 * folded) the same way.
 */
final class Analyzers {
  private Analyzers() {}

  /**
   * French and English stop words together, accented and folded, for both languages: a query is
   * analysed for both, and with all its words required, a word that only one language drops (les,
   * à, the) would otherwise be required in the other and match nothing.
   */
  static final CharArraySet STOP_WORDS = stopWords();

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(1000, true);
    for (CharArraySet source :
        List.of(FrenchAnalyzer.getDefaultStopSet(), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)) {
      for (Object w : source) {
        String word = new String((char[]) w);
        set.add(word);
        set.add(
            java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", ""));
      }
    }
    return CharArraySet.unmodifiableSet(set);
  }

  static final Analyzer FRENCH =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer source = new StandardTokenizer();
          TokenStream s = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
          s = new LowerCaseFilter(s);
          s = new StopFilter(s, STOP_WORDS);
          s = new FrenchLightStemFilter(s);
          s = new ASCIIFoldingFilter(s);
          return new TokenStreamComponents(source, s);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
          // The light stemmer collapses doubled letters (intelligent → inteligent): so must a
          // prefix.
          return new CollapseDoubles(
              new ASCIIFoldingFilter(
                  new LowerCaseFilter(new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES))));
        }
      };

  static final Analyzer ENGLISH =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer source = new StandardTokenizer();
          // Elision too, so that a French query such as l'innovation also finds English items.
          TokenStream s =
              new ElisionFilter(
                  new EnglishPossessiveFilter(source), FrenchAnalyzer.DEFAULT_ARTICLES);
          s = new LowerCaseFilter(s);
          s = new ASCIIFoldingFilter(s); // Porter expects ASCII: émission and emission stem alike
          s = new StopFilter(s, STOP_WORDS);
          s = new PorterStemFilter(s);
          return new TokenStreamComponents(source, s);
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
          return new ASCIIFoldingFilter(
              new LowerCaseFilter(new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES)));
        }
      };

  /** Names: no stemming, no stop words, folded. */
  static final Analyzer PLAIN =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer source = new StandardTokenizer();
          return new TokenStreamComponents(
              source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
          return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
      };

  static final Analyzer KEYWORD =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
          Tokenizer source = new KeywordTokenizer();
          return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
          return new LowerCaseFilter(in);
        }
      };

  /** The analyzer of every index field, by name. */
  static final Analyzer PER_FIELD =
      new PerFieldAnalyzerWrapper(
          PLAIN,
          Map.of(
              Fields.TITLE_FR,
              FRENCH,
              Fields.BODY_FR,
              FRENCH,
              Fields.TITLE_EN,
              ENGLISH,
              Fields.BODY_EN,
              ENGLISH,
              Fields.SOURCE,
              KEYWORD,
              Fields.TOPIC,
              KEYWORD,
              Fields.LANG,
              KEYWORD));

  /**
   * Collapses runs of the same letter, as {@code FrenchLightStemmer} does to the words it indexes.
   */
  static final class CollapseDoubles extends org.apache.lucene.analysis.TokenFilter {
    private final org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
        addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);

    CollapseDoubles(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws java.io.IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] b = term.buffer();
      int len = term.length();
      int out = 0;
      for (int i = 0; i < len; i++) {
        if (out == 0 || b[i] != b[out - 1] || !Character.isLetter(b[i])) {
          b[out++] = b[i];
        }
      }
      term.setLength(out);
      return true;
    }
  }
}
