package org.veille.parse;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges the document type declaration in a document's prolog, the only place a DTD can be: none;
 * an external DTD only (RSS 0.91's Netscape DTD), which is never fetched; or an internal subset. An
 * internal subset that only defines text entities is accepted when everything the document
 * references expands within {@value #BUDGET} characters; external entities, parameter entities,
 * recursion and expansions past the budget are refused. {@code <!DOCTYPE} text after the root
 * element starts (in a CDATA description, say) is content and is not looked at.
 */
final class Doctypes {
  /** The most characters the entities of a document may expand to, all references counted. */
  static final int BUDGET = 65_536;

  private static final Pattern ENTITY =
      Pattern.compile(
          "<!ENTITY\\s+(%\\s+)?([\\p{L}_:][\\p{L}\\p{N}._:-]*)\\s+(?:(SYSTEM|PUBLIC)\\b[^>]*|\"([^\"]*)\"|'([^']*)')\\s*>");
  private static final Pattern REF = Pattern.compile("&([\\p{L}_:][\\p{L}\\p{N}._:-]*);");

  private Doctypes() {}

  /** What the prolog declares. {@code entities} maps each internal entity to its text. */
  record Verdict(boolean present, boolean external, Map<String, String> entities, String refusal) {
    static final Verdict NONE = new Verdict(false, false, Map.of(), null);

    boolean refused() {
      return refusal != null;
    }

    boolean internalSubset() {
      return !entities.isEmpty();
    }
  }

  /** The DOCTYPE of {@code xml} (text from its first tag), judged. */
  static Verdict judge(String xml) {
    int start = prologDoctype(xml);
    if (start < 0) {
      return Verdict.NONE;
    }
    int open = xml.indexOf('[', start);
    int close = xml.indexOf('>', start);
    if (close < 0) {
      return new Verdict(true, false, Map.of(), "the DOCTYPE declaration is never closed");
    }
    boolean external =
        hasExternalId(xml.substring(start, open >= 0 && open < close ? open : close));
    if (open < 0 || open > close) {
      return new Verdict(true, external, Map.of(), null);
    }
    int end = xml.indexOf("]", open);
    if (end < 0) {
      return new Verdict(true, external, Map.of(), "the DOCTYPE's internal subset is never closed");
    }
    String subset = xml.substring(open + 1, end);
    Map<String, String> entities = new LinkedHashMap<>();
    Matcher m = ENTITY.matcher(subset);
    while (m.find()) {
      if (m.group(1) != null) {
        return refuse(external, "declares a parameter entity '" + m.group(2) + "'");
      }
      if (m.group(3) != null) {
        return refuse(
            external,
            "declares an external entity '" + m.group(2) + "' (" + m.group(3) + " identifier)");
      }
      entities.putIfAbsent(m.group(2), m.group(4) != null ? m.group(4) : m.group(5));
    }
    if (subset.contains("<!ENTITY") && entities.size() < count(subset, "<!ENTITY")) {
      return refuse(external, "declares entities Veille cannot read safely");
    }
    if (subset.indexOf('%') >= 0) {
      return refuse(external, "uses parameter entities");
    }
    return withinBudget(xml.substring(end), entities, external);
  }

  private static Verdict withinBudget(String body, Map<String, String> entities, boolean external) {
    Map<String, Long> sizes = new HashMap<>();
    for (String name : entities.keySet()) {
      long size = size(name, entities, sizes, new HashSet<>());
      if (size < 0) {
        return refuse(external, "declares a recursive entity '" + name + "'");
      }
    }
    long total = 0;
    Matcher r = REF.matcher(body);
    while (r.find()) {
      Long size = sizes.get(r.group(1));
      if (size != null) {
        total += size;
        if (total > BUDGET) {
          return refuse(
              external,
              String.format(
                  "defines entities that expand past the budget of %,d characters"
                      + " (entity '%s' alone expands to %,d)",
                  BUDGET, r.group(1), size));
        }
      }
    }
    return new Verdict(true, external, Map.copyOf(entities), null);
  }

  /** Expanded length of an entity, capped past the budget; -1 on recursion. */
  private static long size(
      String name, Map<String, String> entities, Map<String, Long> sizes, Set<String> open) {
    Long known = sizes.get(name);
    if (known != null) {
      return known;
    }
    if (!open.add(name)) {
      return -1;
    }
    String value = entities.get(name);
    long size = 0;
    Matcher r = REF.matcher(value);
    int last = 0;
    while (r.find()) {
      size += r.start() - last;
      last = r.end();
      if (entities.containsKey(r.group(1))) {
        long inner = size(r.group(1), entities, sizes, open);
        if (inner < 0) {
          return -1;
        }
        size = Math.min(size + inner, (long) BUDGET * BUDGET);
      } else {
        size += r.end() - r.start();
      }
    }
    size += value.length() - last;
    open.remove(name);
    sizes.put(name, size);
    return size;
  }

  private static Verdict refuse(boolean external, String what) {
    return new Verdict(
        true,
        external,
        Map.of(),
        "refused: the document's DOCTYPE "
            + what
            + "; feeds never need that, and it is how entity-expansion and external-entity"
            + " attacks work");
  }

  private static boolean hasExternalId(String decl) {
    return Pattern.compile("\\b(SYSTEM|PUBLIC)\\b").matcher(decl).find();
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  /**
   * Where {@code <!DOCTYPE} starts in the prolog (after the XML declaration, comments and
   * processing instructions, before the root element), or -1.
   */
  static int prologDoctype(String xml) {
    int i = 0;
    int n = xml.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(xml.charAt(i))) {
        i++;
      }
      if (xml.startsWith("<?", i)) {
        int e = xml.indexOf("?>", i);
        i = e < 0 ? n : e + 2;
      } else if (xml.startsWith("<!--", i)) {
        int e = xml.indexOf("-->", i);
        i = e < 0 ? n : e + 3;
      } else if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        return i;
      } else {
        return -1;
      }
    }
    return -1;
  }
}
