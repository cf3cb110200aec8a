package org.veille.cluster;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The MinHash of an item's text: for each of {@link Signer#HASHES} hash functions, the least hash
 * of its word shingles. Two signatures agree on a share of positions that estimates the Jaccard
 * similarity of the two sets of shingles.
 */
public final class Signature {
  private final int[] values;

  Signature(int[] values) {
    this.values = values.clone();
  }

  /** The estimated Jaccard similarity of the two texts' shingles, from 0 to 1. */
  public double similarity(Signature other) {
    int n = Math.min(values.length, other.values.length);
    if (n == 0) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < n; i++) {
      if (values[i] == other.values[i]) {
        same++;
      }
    }
    return (double) same / n;
  }

  int value(int i) {
    return values[i];
  }

  int size() {
    return values.length;
  }

  /** The signature as stored: its values, 4 bytes each, big-endian. */
  public byte[] bytes() {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  /** A stored signature; null for null or for bytes that are not one. */
  public static Signature of(byte[] bytes) {
    if (bytes == null || bytes.length == 0 || bytes.length % 4 != 0) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int[] v = new int[bytes.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getInt();
    }
    return new Signature(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }
}
