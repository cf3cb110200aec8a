package org.veille.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The stylesheet's colours keep WCAG AA contrast (4.5:1 for text) in light and dark mode. */
class PaletteTest {
  private static Map<String, String> palette(String css, boolean dark) {
    int media = css.indexOf("@media (prefers-color-scheme: dark)");
    String block = dark ? css.substring(media) : css.substring(0, media);
    Map<String, String> vars = new HashMap<>();
    Matcher m = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})").matcher(block);
    while (m.find()) {
      vars.putIfAbsent(m.group(1), m.group(2));
    }
    return vars;
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  @Test
  void textColoursReadWellOnTheirBackgrounds() throws Exception {
    String css;
    try (InputStream in = getClass().getResourceAsStream("/web/veille.css")) {
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (boolean dark : new boolean[] {false, true}) {
      Map<String, String> p = palette(css, dark);
      String[][] pairs = {
        {"texte", "fond"},
        {"texte", "fond-doux"},
        {"texte-doux", "fond"},
        {"texte-doux", "fond-doux"},
        {"bleu", "fond"},
        {"bleu", "fond-doux"},
        {"texte", "bleu-clair"}
      };
      for (String[] pair : pairs) {
        double ratio = contrast(p.get(pair[0]), p.get(pair[1]));
        assertTrue(
            ratio >= 4.5,
            (dark ? "dark: " : "light: ") + pair[0] + " on " + pair[1] + " = " + ratio);
      }
    }
    assertTrue(contrast("#ffffff", "#000091") >= 4.5, "button text");
  }
}
