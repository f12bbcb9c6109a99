package org.peerboard.suggest.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.IOUtils;

/**
 * Words of a note as Lucene's Italian or English analyzer sees them: lower case, without stop words
 * or elided articles ("l'autonomia" is "autonomia"), stemmed ("alloggi" and "alloggio" are one
 * stem). Each stem keeps the word it came from, so names can be made of the notes' own words.
 * Lucene's analyzers may be shared between threads.
 */
public final class TextAnalysis {
  /**
   * Words that say nothing about a note's theme on top of Snowball's stop lists (which Lucene
   * ships): modal and filler words of proposals ("deve", "ogni", "should", "every"). Domain words
   * are left to the inverse document frequency, which weighs down whatever most notes of a board
   * say.
   */
  private static final List<String> ITALIAN_FILLERS =
      List.of(
          "ogni",
          "sempre",
          "solo",
          "primo",
          "primi",
          "prima",
          "dopo",
          "fare",
          "deve",
          "devono",
          "dovrebbe",
          "essere",
          "nuovo",
          "nuovi",
          "stesso",
          "stessa",
          "molto",
          "poco",
          "possono",
          "può",
          "serve",
          "servono",
          "bisogna",
          "almeno",
          "davvero",
          "già",
          "quando",
          "senza",
          "verso",
          "altri",
          "altro",
          "altra",
          "cosa",
          "modo",
          "presso");

  private static final List<String> ENGLISH_FILLERS =
      List.of(
          "every", "first", "like", "one", "also", "just", "even", "still", "make", "get", "let",
          "way", "many", "much", "new", "need", "needs", "must", "can", "may", "might", "will",
          "shall", "others", "really", "least", "without", "within", "things", "thing", "too",
          "else");
  private static final Analyzer ITALIAN =
      new ItalianAnalyzer(stopWords("italian_stop.txt", ITALIAN_FILLERS));
  private static final Analyzer ENGLISH =
      new EnglishAnalyzer(stopWords("english_stop.txt", ENGLISH_FILLERS));

  /**
   * One word of a note: its stem and the word as written (lower case, without an elided article).
   */
  public record Token(String stem, String word) {}

  private final Analyzer analyzer;
  private final Locale locale;

  private TextAnalysis(Analyzer analyzer, Locale locale) {
    this.analyzer = analyzer;
    this.locale = locale;
  }

  /** Italian for {@code it}, English for anything else. */
  public static TextAnalysis of(String language) {
    return "it".equals(language)
        ? new TextAnalysis(ITALIAN, Locale.ITALIAN)
        : new TextAnalysis(ENGLISH, Locale.ENGLISH);
  }

  private static CharArraySet stopWords(String snowballList, List<String> fillers) {
    try {
      CharArraySet words =
          WordlistLoader.getSnowballWordSet(
              IOUtils.getDecodingReader(
                  SnowballFilter.class, snowballList, StandardCharsets.UTF_8));
      CharArraySet all = new CharArraySet(words.size() + fillers.size(), true);
      all.addAll(words);
      all.addAll(fillers);
      return CharArraySet.unmodifiableSet(all);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a list inside Lucene's own jar
    }
  }

  public List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String word = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(locale);
        int apostrophe = Math.max(word.lastIndexOf('\''), word.lastIndexOf('\u2019'));
        if (apostrophe >= 0 && apostrophe < word.length() - 1 && locale == Locale.ITALIAN) {
          word = word.substring(apostrophe + 1);
        } else if (word.endsWith("'s") || word.endsWith("\u2019s")) {
          word = word.substring(0, word.length() - 2);
        }
        tokens.add(new Token(term.toString(), word));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return tokens;
  }
}
