package org.veille.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnsettledBandsTest {
  private static List<String> ids(List<UnsettledBands.Row> rows) {
    return rows.stream().map(UnsettledBands.Row::itemId).toList();
  }

  @Test
  void rowsOfAKeyWithinTheWindowNewestFirstUpToTheLimit() {
    UnsettledBands b = new UnsettledBands();
    b.add("a", 100, new long[] {1, 2});
    b.add("b", 300, new long[] {2, 3});
    b.add("c", 200, new long[] {2});
    b.add("d", 900, new long[] {2});
    assertEquals(List.of("b", "c", "a"), ids(b.rows(2, 0, 500, 16)));
    assertEquals(List.of("b", "c"), ids(b.rows(2, 0, 500, 2)));
    assertEquals(List.of("c"), ids(b.rows(2, 150, 250, 16)));
    assertEquals(List.of(), ids(b.rows(4, 0, 1000, 16)));
    assertEquals(300, b.rows(3, 0, 1000, 16).get(0).at());
  }

  @Test
  void droppedRowsGoAndKeptOnesStayThroughGrowth() {
    UnsettledBands b = new UnsettledBands();
    Random r = new Random(3);
    long[][] keys = new long[3000][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = r.longs(24).toArray();
      b.add("kept-" + i, i, keys[i]);
    }
    b.keep();
    b.add("pending", 5, new long[] {keys[7][3], 42});
    assertEquals(List.of("kept-7", "pending"), ids(b.rows(keys[7][3], 0, 10, 16)));
    b.drop();
    assertEquals(List.of("kept-7"), ids(b.rows(keys[7][3], 0, 10, 16)));
    assertEquals(List.of(), ids(b.rows(42, 0, 10, 16)));
    assertEquals(3000 * 24, b.size());
    for (int i = 0; i < keys.length; i += 97) {
      assertEquals(List.of("kept-" + i), ids(b.rows(keys[i][23], 0, 10_000, 16)));
    }
    b.clear();
    assertEquals(0, b.size());
    assertEquals(List.of(), ids(b.rows(keys[7][3], 0, 10, 16)));
  }
}
