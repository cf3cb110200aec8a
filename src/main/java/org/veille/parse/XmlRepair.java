package org.veille.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * The lenient second pass for sloppy feeds that readers still display: drops a harmless external
 * DOCTYPE, turns HTML entities into character references, escapes stray ampersands and removes
 * characters XML forbids. Hostile DTDs are refused before this point (see {@link #hostile}).
 */
final class XmlRepair {
  private static final Pattern DOCTYPE =
      Pattern.compile(
          "<!DOCTYPE[^>\\[]*(\\[.*?\\]\\s*)?>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ENTITY_DECL = Pattern.compile("<!ENTITY", Pattern.CASE_INSENSITIVE);
  private static final Pattern AMP =
      Pattern.compile("&(#[0-9]+;|#[xX][0-9a-fA-F]+;|([A-Za-z][A-Za-z0-9]*);)?");
  private static final Pattern INVALID_CHARS =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

  private XmlRepair() {}

  /** True when the document declares entities: billion laughs and XXE both need that. */
  static boolean hostile(String xml) {
    String head = xml.length() > 65536 ? xml.substring(0, 65536) : xml;
    Matcher d = DOCTYPE.matcher(head);
    return d.find() && d.group(1) != null && ENTITY_DECL.matcher(d.group(1)).find()
        || ENTITY_DECL.matcher(head).find();
  }

  static String repair(String xml) {
    String s = Bodies.fromFirstTag(xml);
    s = DOCTYPE.matcher(s).replaceFirst("");
    s = INVALID_CHARS.matcher(s).replaceAll("");
    Matcher m = AMP.matcher(s);
    StringBuilder out = new StringBuilder(s.length() + 64);
    while (m.find()) {
      String replacement;
      if (m.group(1) == null) {
        replacement = "&amp;";
      } else if (m.group(2) == null || isXmlEntity(m.group(2))) {
        replacement = m.group();
      } else if (Entities.isNamedEntity(m.group(2))) {
        replacement = numeric(Entities.getByName(m.group(2)));
      } else {
        replacement = "&amp;" + m.group(2) + ";";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
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
