package org.veille.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The band keys of the items saved since the last {@link SqliteStore#settleClusterKeys}, in memory
 * (they are also appended to {@code band_log}): the candidates of a new item are looked up here as
 * well as in {@code item_bands}. Rows of the open transaction are pending until {@link #keep}; a
 * rolled back save {@link #drop}s them. Primitive arrays and an open-addressing table of row
 * numbers: about 24 bytes a row (a million rows, 40,000 items, take 24 MB).
 */
final class UnsettledBands {
  /** One row of a key: an item that has it among its band keys, dated {@code at}. */
  record Row(long at, String itemId) {}

  private long[] keys = new long[1024];
  private int[] items = new int[1024];
  private int[] next = new int[1024]; // the previous row of the same key, or -1
  private int size;
  private int kept; // rows [0, kept) are committed; [kept, size) belong to the open transaction

  private final List<String> ids = new ArrayList<>();
  private long[] ats = new long[64]; // by item
  private int keptIds;

  private int[] slotHeads = filled(2048); // the newest row of a key, or -1
  private int used;

  /** Rows, committed and pending. */
  int size() {
    return size;
  }

  /** Adds the band keys of item {@code itemId}, dated {@code at} (pending). */
  void add(String itemId, long at, long[] bandKeys) {
    int item = ids.size();
    ids.add(itemId);
    if (item == ats.length) {
      ats = Arrays.copyOf(ats, item * 2);
    }
    ats[item] = at;
    for (long k : bandKeys) {
      if (size == keys.length) {
        grow();
      }
      int slot = slot(k);
      if (slotHeads[slot] == -1) {
        used++;
      }
      keys[size] = k;
      items[size] = item;
      next[size] = slotHeads[slot];
      slotHeads[slot] = size;
      size++;
      if (used * 2 > slotHeads.length) {
        rehash();
      }
    }
  }

  /**
   * The rows of {@code key} dated within {@code [from, to]}, newest first, at most {@code limit}.
   */
  List<Row> rows(long key, long from, long to, int limit) {
    int slot = slot(key);
    List<Row> out = new ArrayList<>();
    for (int r = slotHeads[slot]; r != -1; r = next[r]) {
      long at = ats[items[r]];
      if (at >= from && at <= to) {
        out.add(new Row(at, ids.get(items[r])));
      }
    }
    if (out.size() > 1) {
      out.sort((a, b) -> Long.compare(b.at(), a.at()));
    }
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  /** The pending rows are committed. */
  void keep() {
    kept = size;
    keptIds = ids.size();
  }

  /** The pending rows are forgotten (their transaction rolled back). */
  void drop() {
    if (size == kept) {
      return;
    }
    size = kept;
    ids.subList(keptIds, ids.size()).clear();
    rebuild();
  }

  /** Forgets every row (they were filed into {@code item_bands}). */
  void clear() {
    size = 0;
    kept = 0;
    ids.clear();
    keptIds = 0;
    slotHeads = filled(2048);
    used = 0;
  }

  /** The slot of {@code key}: its own, or the empty one where it goes. */
  private int slot(long key) {
    int mask = slotHeads.length - 1;
    int i = (int) (mix(key) & mask);
    while (slotHeads[i] != -1 && keys[slotHeads[i]] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    return k;
  }

  private void grow() {
    int n = keys.length * 2;
    keys = Arrays.copyOf(keys, n);
    items = Arrays.copyOf(items, n);
    next = Arrays.copyOf(next, n);
  }

  private void rehash() {
    slotHeads = filled(slotHeads.length * 2);
    rebuild();
  }

  /** The table made again from the rows [0, size), in their order. */
  private void rebuild() {
    Arrays.fill(slotHeads, -1);
    used = 0;
    for (int r = 0; r < size; r++) {
      int slot = slot(keys[r]);
      if (slotHeads[slot] == -1) {
        used++;
      }
      next[r] = slotHeads[slot];
      slotHeads[slot] = r;
    }
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }
}
