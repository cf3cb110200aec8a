package org.veille.cluster;

/**
 * Locality-sensitive keys of a signature: its first {@link #BANDS} values, each a band of one row
 * hashed with its position into one key. Two items share a key when they agree on a whole band,
 * which is likely for similar texts and rare for others: the store looks candidates up by key
 * instead of comparing an item with every other. A pair of estimated similarity 0.1 shares at least
 * one key with probability 1 − 0.9²⁴ ≈ 92 %, a pair of 0.15 with 98 %, 0.2 with 99.5 %. Rewrites by
 * other outlets are far from copies (their similarity is often 0.1–0.3), so bands of one row: bands
 * of two rows would miss most of them. Each key is a row of {@code item_bands} at a random place of
 * its index (the store logs a crawl's keys and files them in key order at its end), which is most
 * of what storing an item costs: 24 bands rather than 32 collapse the same labelled pairs (tuning
 * 35/36, held-out 30/30, no false merge) for a quarter fewer rows; 16 would lose two more pairs of
 * the tuning half (see {@code ClusterRuleTest}). The keys of the first 24 bands are those that 32
 * bands gave, so items stored before keep matching.
 */
public final class Bands {
  public static final int BANDS = 24;
  public static final int ROWS = 1;

  private Bands() {}

  /** The band keys of {@code s}, one per band. */
  public static long[] keys(Signature s) {
    long[] keys = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = b + 1;
      for (int r = 0; r < ROWS; r++) {
        h = Signer.mix(h * 0x9E3779B97F4A7C15L + s.value(b * ROWS + r));
      }
      keys[b] = h;
    }
    return keys;
  }
}
