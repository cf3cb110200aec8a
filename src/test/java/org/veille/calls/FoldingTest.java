package org.veille.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veille.bench.BenchCorpus;

/** The character-by-character fold gives what folding the whole text at once gives. */
class FoldingTest {

  @Test
  void writtenFrenchAndEnglishFoldAsAWhole() {
    for (String s :
        new String[] {
          "DATE LIMITE : 15 FÉVRIER 2027 à 12h — dépôt des dossiers",
          "L’appel à projets « Territoires d’innovation » : clôture le 1er juin…",
          "Œuvre, cœur, Æther, naïve, Noël, L'Haÿ-les-Roses, Saint-Ouen-sur-Seine",
          "e\u0301te\u0301 (combining accents), İstanbul, straße, ﬁnance, ＡＢＣ",
          "ΟΔΥΣΣΕΥΣ σοφός — a capital sigma at a word's end",
          "emoji 🇫🇷 and 𝐁𝐨𝐥𝐝 letters, Ωhm \u2126, Å \u212B",
          "espaces\u00A0insécables\u202Fet\u2009fines, tirets \u2013 \u2212 \u2014",
        }) {
      assertEquals(Folding.reference(s), Folding.fold(s), s);
    }
  }

  @Test
  void theBenchmarkCorpusFoldsAlike() {
    BenchCorpus corpus = new BenchCorpus(42, BenchCorpus.Kind.REALISTIC);
    for (int n = 1; n <= 40; n++) {
      for (BenchCorpus.Item item : corpus.items(n)) {
        assertEquals(Folding.reference(item.title()), Folding.fold(item.title()));
        assertEquals(Folding.reference(item.text()), Folding.fold(item.text()));
      }
    }
  }

  @Test
  void randomTextsFromManyScriptsFoldAlike() {
    Random r = new Random(7);
    int[][] ranges = {
      {0x20, 0x7e}, {0xa0, 0x24f}, {0x300, 0x36f}, {0x370, 0x3ff}, {0x400, 0x4ff},
      {0x1e00, 0x1eff}, {0x2000, 0x206f}, {0x20a0, 0x20cf}, {0x2100, 0x214f}, {0xfb00, 0xfb06},
      {0xff00, 0xffef}, {0xac00, 0xac40}, {0x4e00, 0x4e40}
    };
    for (int t = 0; t < 2_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0, len = 1 + r.nextInt(40); i < len; i++) {
        int[] range = ranges[r.nextInt(ranges.length)];
        b.append((char) (range[0] + r.nextInt(range[1] - range[0] + 1)));
      }
      String s = b.toString();
      assertEquals(Folding.reference(s), Folding.fold(s), s);
    }
  }
}
