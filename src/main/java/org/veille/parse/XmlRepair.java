package org.veille.parse;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * The lenient second pass for sloppy feeds that readers still display: drops an external DOCTYPE,
 * turns HTML entities into character references, escapes stray ampersands, drops character
 * references to characters XML forbids ({@code &#0;}, {@code &#27;}) and removes such characters.
 * Hostile DTDs are refused before this point (see {@link Doctypes}); entities an accepted internal
 * subset declares are left for the XML reader to expand.
 */
final class XmlRepair {
  private static final Pattern DOCTYPE =
      Pattern.compile(
          "<!DOCTYPE[^>\\[]*(\\[.*?\\]\\s*)?>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern AMP =
      Pattern.compile("&(#([0-9]{1,8});|#[xX]([0-9a-fA-F]{1,7});|([A-Za-z][A-Za-z0-9]*);)?");
  private static final Pattern INVALID_CHARS =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

  private XmlRepair() {}

  static String repair(String xml, Doctypes.Verdict doctype) {
    String s = Bodies.fromFirstTag(xml);
    int at = Doctypes.prologDoctype(s);
    if (at >= 0 && !doctype.internalSubset()) {
      Matcher d = DOCTYPE.matcher(s);
      if (d.find(at) && d.start() == at) {
        s = s.substring(0, at) + s.substring(d.end());
      }
    }
    s = INVALID_CHARS.matcher(s).replaceAll("");
    Map<String, String> declared = doctype.entities();
    Matcher m = AMP.matcher(s);
    StringBuilder out = new StringBuilder(s.length() + 64);
    while (m.find()) {
      String replacement;
      if (m.group(1) == null) {
        replacement = "&amp;";
      } else if (m.group(2) != null) {
        replacement = allowed(parse(m.group(2), 10)) ? m.group() : "";
      } else if (m.group(3) != null) {
        replacement = allowed(parse(m.group(3), 16)) ? m.group() : "";
      } else if (isXmlEntity(m.group(4)) || declared.containsKey(m.group(4))) {
        replacement = m.group();
      } else if (Entities.isNamedEntity(m.group(4))) {
        replacement = numeric(Entities.getByName(m.group(4)));
      } else {
        replacement = "&amp;" + m.group(4) + ";";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static long parse(String digits, int radix) {
    try {
      return Long.parseLong(digits, radix);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The characters XML 1.0 allows a character reference to name. */
  private static boolean allowed(long cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || cp >= 0x20 && cp <= 0xD7FF
        || cp >= 0xE000 && cp <= 0xFFFD
        || cp >= 0x10000 && cp <= 0x10FFFF;
  }

  private static boolean isXmlEntity(String name) {
    return name.equals("amp")
        || name.equals("lt")
        || name.equals("gt")
        || name.equals("quot")
        || name.equals("apos");
  }

  private static String numeric(String chars) {
    StringBuilder sb = new StringBuilder();
    chars.codePoints().forEach(cp -> sb.append("&#").append(cp).append(';'));
    return sb.toString();
  }
}
