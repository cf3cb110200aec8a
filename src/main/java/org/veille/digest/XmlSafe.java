package org.veille.digest;

/**
 * Text made safe for XML 1.0: characters XML cannot carry (C0 controls but tab and line breaks,
 * U+FFFE, U+FFFF, lone surrogates) are dropped. The store already keeps such characters out of what
 * sources give; this is the renderer's own guarantee that no stored text can make a digest fail to
 * write.
 */
final class XmlSafe {
  private XmlSafe() {}

  static String clean(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        if (ok) {
          if (out != null) {
            out.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        ok =
            c == '\t'
                || c == '\n'
                || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
      }
      if (!ok && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      } else if (ok && out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}
