package org.veille.calls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules scored on labelled calls and negatives. The held-out set was written before any rule
 * and is never tuned on; the tuning set is where the rules were tuned.
 */
class CallsQualityTest {

  @Test
  void heldOutSetIsReadAtNinetyPercentExactWithPrecisionOverNinetyFive() throws Exception {
    LabelledCalls.Score s = LabelledCalls.score(LabelledCalls.read("heldout.txt"));
    System.out.println("held-out: " + s);
    s.misses().forEach(m -> System.out.println("  " + m));
    assertTrue(s.items() >= 60, "the held-out set holds at least 60 items");
    assertTrue(s.exactAccuracy() >= 0.90, "exact-date accuracy " + s);
    assertTrue(s.precision() >= 0.95, "precision " + s);
    assertTrue(s.callPrecision() >= 0.95, "call precision " + s);
  }

  @Test
  void tuningSetIsReadAsWell() throws Exception {
    LabelledCalls.Score s = LabelledCalls.score(LabelledCalls.read("tuning.txt"));
    System.out.println("tuning: " + s);
    s.misses().forEach(m -> System.out.println("  " + m));
    assertTrue(s.items() >= 60, "the tuning set holds at least 60 items");
    assertTrue(s.exactAccuracy() >= 0.90, "exact-date accuracy " + s);
    assertTrue(s.precision() >= 0.95, "precision " + s);
  }

  @Test
  void bothSetsHoldFrenchAndEnglishCallsAndNegatives() throws Exception {
    List<LabelledCalls.Labelled> all = new java.util.ArrayList<>(LabelledCalls.read("tuning.txt"));
    all.addAll(LabelledCalls.read("heldout.txt"));
    assertTrue(all.size() >= 120);
    assertTrue(all.stream().filter(l -> !l.call()).count() >= 25, "negatives");
    assertTrue(all.stream().filter(l -> l.lang().equals("en")).count() >= 40, "English items");
    assertTrue(all.stream().filter(l -> l.finalDeadline() != null).count() >= 6, "staged calls");
    assertTrue(all.stream().filter(LabelledCalls.Labelled::rolling).count() >= 5, "rolling calls");
  }
}
