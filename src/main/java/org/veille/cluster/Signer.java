package org.veille.cluster;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Computes the {@link Signature} of an item: a MinHash of the word shingles of its title and text.
 * Words are folded (case, accents, ligatures; punctuation and whitespace separate words), French
 * and English function words are dropped and each word is cut to its first {@link #PREFIX} letters
 * (a crude stem: "automatisés" and "automatisée" agree), then every {@link #SHINGLE} consecutive
 * words make a shingle. A rewrite of a story by another outlet keeps its names, figures and quotes
 * but not its grammar: on the labelled stories of the tests these shingles separate rewrites from
 * other stories of the same topic much better than 3-word shingles of every word (see {@code
 * ClusterRuleTest}). A text (without its title) of fewer than {@link #MIN_WORDS} words (an empty
 * item, a bare link, a one-line teaser) has no signature: it is too short to tell a copy from a
 * coincidence, and is never clustered. Thread-safe.
 */
public final class Signer {
  /** Hash functions of a signature. */
  public static final int HASHES = 128;

  /** Words in a shingle. */
  public static final int SHINGLE = 2;

  /** Letters of a word that count. */
  public static final int PREFIX = 5;

  /** Words the text (without its title) needs for a signature, function words included. */
  public static final int MIN_WORDS = 12;

  private static final long[] MUL = new long[HASHES];
  private static final long[] ADD = new long[HASHES];

  static {
    SplittableRandom r = new SplittableRandom(0x5eedc1057e75L);
    for (int i = 0; i < HASHES; i++) {
      MUL[i] = r.nextLong() | 1L; // odd: a bijection of the 64-bit integers
      ADD[i] = r.nextLong();
    }
  }

  private static final String STOP_WORDS =
      "le la les l un une des du de d et a au aux en dans par pour sur avec sans sous entre qui que"
          + " qu ce cet cette ces se sa son ses leur leurs lui est sont sera seront ont ete etre"
          + " il elle ils elles on ne n pas plus y ou mais donc ni car s j m c t nous vous"
          + " the an of to in on for and or by with from at as is are was were be been will has"
          + " have had it its this that which who their they he she not than into also would";

  /** Hashes of the function words, sorted. */
  private static final long[] STOP = stopHashes();

  private static long[] stopHashes() {
    return Arrays.stream(STOP_WORDS.split(" ")).mapToLong(Signer::wordHash).sorted().toArray();
  }

  /** Folded form of the characters up to U+024F (Latin-1 and Latin Extended); others as is. */
  private static final String[] FOLD = new String[0x250];

  static {
    for (char c = 0; c < FOLD.length; c++) {
      String s = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        char d = s.charAt(i);
        if (Character.getType(d) != Character.NON_SPACING_MARK) {
          b.append(Character.toLowerCase(d));
        }
      }
      FOLD[c] =
          switch (c) {
            case 'œ', 'Œ' -> "oe";
            case 'æ', 'Æ' -> "ae";
            case 'ß' -> "ss";
            default -> Character.isLetterOrDigit(c) ? b.toString() : "";
          };
    }
  }

  /** The signature of an item, or empty when its text is too short to have one. */
  public Optional<Signature> sign(String title, String text) {
    Words all = new Words();
    all.read(title);
    int titleWords = all.all;
    all.read(text);
    if (all.all - titleWords < MIN_WORDS) {
      return Optional.empty();
    }
    long[] shingles = all.shingles();
    int[] mins = new int[HASHES];
    for (int i = 0; i < HASHES; i++) {
      long mul = MUL[i];
      long add = ADD[i];
      int min = Integer.MAX_VALUE;
      for (long sh : shingles) {
        int v = (int) ((mul * sh + add) >>> 33); // non-negative, so int order is hash order
        if (v < min) {
          min = v;
        }
      }
      mins[i] = min;
    }
    return Optional.of(new Signature(mins));
  }

  /** The words of a text as a signature reads them: folded, function words dropped, cut. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    forEachWord(
        text,
        word -> {
          String s = word.toString();
          if (Arrays.binarySearch(STOP, wordHash(s)) < 0) {
            out.add(s.length() > PREFIX ? s.substring(0, PREFIX) : s);
          }
        },
        w);
    return out;
  }

  /** What {@code ch} folds to: its letters without case and accents, or "" between words. */
  private static String fold(char ch) {
    if (ch < FOLD.length) {
      return FOLD[ch];
    }
    return Character.isLetterOrDigit(ch) ? String.valueOf(Character.toLowerCase(ch)) : "";
  }

  private static void forEachWord(
      String text, java.util.function.Consumer<StringBuilder> sink, StringBuilder w) {
    if (text == null) {
      return;
    }
    for (int i = 0; i <= text.length(); i++) {
      char ch = i < text.length() ? text.charAt(i) : ' ';
      String f = fold(ch);
      if (!f.isEmpty()) {
        w.append(f);
      } else if (w.length() > 0) {
        sink.accept(w);
        w.setLength(0);
      }
    }
  }

  /** The hashed words of the texts read so far, and how many words they had in all. */
  private static final class Words {
    long[] hashes = new long[64];
    int size;
    int all;

    /**
     * Reads the words of {@code text}: each word's hash is computed as its folded letters come
     * (with the hash of its first {@link #PREFIX} letters on the way), without building the word.
     */
    void read(String text) {
      if (text == null) {
        return;
      }
      long h = FNV_OFFSET;
      long cut = 0;
      int len = 0;
      for (int i = 0; i <= text.length(); i++) {
        char ch = i < text.length() ? text.charAt(i) : ' ';
        String f = fold(ch);
        if (!f.isEmpty()) {
          for (int k = 0; k < f.length(); k++) {
            h = (h ^ f.charAt(k)) * FNV_PRIME;
            if (++len == PREFIX) {
              cut = h;
            }
          }
        } else if (len > 0) {
          word(h, len > PREFIX ? cut : h);
          h = FNV_OFFSET;
          len = 0;
        }
      }
    }

    /** A word of hash {@code whole}, {@code cut} the hash of its first letters. */
    private void word(long whole, long cut) {
      all++;
      if (Arrays.binarySearch(STOP, whole) >= 0) {
        return;
      }
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      hashes[size++] = cut;
    }

    /** The distinct shingle hashes (one shingle of the words there are when they are fewer). */
    long[] shingles() {
      int n = Math.max(1, size - SHINGLE + 1);
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        long h = 0;
        for (int j = i; j < Math.min(size, i + SHINGLE); j++) {
          h = mix(h * 0x9E3779B97F4A7C15L + hashes[j]);
        }
        out[i] = h;
      }
      Arrays.sort(out);
      int d = 0;
      for (int i = 0; i < out.length; i++) {
        if (i == 0 || out[i] != out[i - 1]) {
          out[d++] = out[i];
        }
      }
      return Arrays.copyOf(out, d);
    }
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private static long wordHash(CharSequence s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return h;
  }

  /** A 64-bit finaliser (SplitMix64's). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
