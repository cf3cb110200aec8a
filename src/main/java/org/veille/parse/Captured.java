package org.veille.parse;

import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The whole of one feed element, read from its start tag to its end tag without recursion: its
 * character data as written ({@code text}), the same content serialized as markup with text escaped
 * ({@code markup}), whether it held child elements, and the inside of a lone wrapping {@code <div>}
 * (Atom's XHTML wrapper). Elements nested deeper than the limit are refused.
 */
record Captured(
    String text,
    String markup,
    boolean elements,
    boolean deeper,
    String unwrapped,
    boolean tooDeep) {
  private static final Set<String> VOID =
      Set.of(
          "br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source",
          "track", "wbr", "param");
  private static final Pattern TAG = Pattern.compile("<(/?[A-Za-z][A-Za-z0-9]*|!--)[\\s>/]");

  /** How a feed says an element's content is to be read. */
  enum Kind {
    TEXT,
    HTML,
    XHTML
  }

  /**
   * Reads from the current START_ELEMENT to its END_ELEMENT. {@code room} is how many levels of
   * nesting are still allowed below this element.
   */
  static Captured read(XMLStreamReader r, int room) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    StringBuilder markup = new StringBuilder();
    int depth = 0;
    int children = 0;
    boolean div = false;
    boolean outside = false;
    int innerStart = -1;
    int innerEnd = -1;
    boolean tooDeep = false;
    boolean deeper = false;
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth > room) {
          tooDeep = true;
          continue;
        }
        String name = r.getLocalName().toLowerCase(Locale.ROOT);
        deeper |= depth > 1;
        if (depth == 1) {
          children++;
          div = children == 1 && name.equals("div");
        }
        start(r, name, markup);
        if (depth == 1) {
          innerStart = markup.length();
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        if (depth == 0) {
          break;
        }
        if (depth <= room) {
          String name = r.getLocalName().toLowerCase(Locale.ROOT);
          if (depth == 1) {
            innerEnd = markup.length();
          }
          if (!VOID.contains(name)) {
            markup.append("</").append(name).append('>');
          }
        }
        depth--;
      } else if (ev == XMLStreamConstants.CHARACTERS
          || ev == XMLStreamConstants.CDATA
          || ev == XMLStreamConstants.SPACE) {
        if (depth <= room) {
          String chars = r.getText();
          text.append(chars);
          markup.append(Text.escape(chars));
          if (depth == 0 && !chars.isBlank()) {
            outside = true;
          }
        }
      } else if (ev == XMLStreamConstants.END_DOCUMENT) {
        throw new XMLStreamException("the document ends inside an element");
      }
    }
    String unwrapped =
        children == 1 && div && !outside && innerStart >= 0 && innerEnd >= innerStart
            ? markup.substring(innerStart, innerEnd)
            : null;
    return new Captured(
        text.toString(), markup.toString(), children > 0, deeper, unwrapped, tooDeep);
  }

  private static void start(XMLStreamReader r, String name, StringBuilder markup) {
    markup.append('<').append(name);
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String ns = r.getAttributeNamespace(i);
      if (ns != null && !ns.isEmpty()) {
        continue;
      }
      markup
          .append(' ')
          .append(r.getAttributeLocalName(i))
          .append("=\"")
          .append(Text.escape(r.getAttributeValue(i)))
          .append('"');
    }
    markup.append('>');
  }

  /** The content as HTML, read the way {@code kind} says. */
  String html(Kind kind) {
    return switch (kind) {
      case TEXT -> elements ? markup : Text.escape(text);
      case HTML -> elements ? markup : text;
      case XHTML -> {
        if (elements && unwrapped != null && !deeper && TAG.matcher(text).find()) {
          yield text.strip(); // escaped markup inside the XHTML wrapper: the HTML it stands for
        }
        if (elements) {
          yield unwrapped != null ? unwrapped : markup;
        }
        // escaped markup where XHTML was promised: read it as the HTML it is
        yield TAG.matcher(text).find() ? text : Text.escape(text);
      }
    };
  }

  /**
   * The content of a base64 element ({@code mode="base64"}, Atom 0.3) decoded as UTF-8, or null
   * when it is not valid base64.
   */
  String base64() {
    String compact = text.replaceAll("\\s+", "");
    try {
      byte[] bytes = Base64.getDecoder().decode(compact);
      return Bodies.decode(bytes, "text/html; charset=utf-8");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The kind an Atom {@code type} attribute names (null: not text, such as an image). */
  static Kind atomKind(String type, boolean atom03) {
    if (type == null || type.isBlank()) {
      return atom03 ? Kind.TEXT : Kind.TEXT;
    }
    String t = type.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "text", "text/plain" -> Kind.TEXT;
      case "html", "text/html" -> Kind.HTML;
      case "xhtml", "application/xhtml+xml" -> Kind.XHTML;
      default -> t.startsWith("text/") ? Kind.TEXT : t.endsWith("+xml") ? Kind.XHTML : null;
    };
  }
}
