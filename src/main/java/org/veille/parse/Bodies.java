package org.veille.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a fetched body to text the way a forgiving reader does: a byte-order mark wins; bytes
 * that are valid UTF-8 are UTF-8 whatever the declaration says (a declared ISO-8859-1 on UTF-8
 * bytes is the common lie); otherwise the declared charset, else Windows-1252.
 */
final class Bodies {
  private static final Pattern XML_ENCODING =
      Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._-]+)", Pattern.CASE_INSENSITIVE);

  private Bodies() {}

  static String decode(byte[] body, String contentType) {
    if (body.length >= 3
        && (body[0] & 0xff) == 0xEF
        && (body[1] & 0xff) == 0xBB
        && (body[2] & 0xff) == 0xBF) {
      return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
    }
    Optional<String> utf8 = strictUtf8(body);
    if (utf8.isPresent()) {
      return utf8.get();
    }
    Charset declared = declared(body, contentType).orElse(null);
    if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
      declared = Charset.forName("windows-1252");
    }
    return new String(body, declared);
  }

  private static Optional<String> strictUtf8(byte[] body) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static Optional<Charset> declared(byte[] body, String contentType) {
    String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1);
    for (Matcher m :
        new Matcher[] {
          XML_ENCODING.matcher(head),
          META_CHARSET.matcher(head),
          HEADER_CHARSET.matcher(contentType == null ? "" : contentType)
        }) {
      if (m.find()) {
        try {
          String name = m.group(1).toLowerCase(Locale.ROOT);
          // ISO-8859-1 labels mean Windows-1252 in practice (the WHATWG rule browsers follow).
          return Optional.of(
              Charset.forName(
                  name.equals("iso-8859-1") || name.equals("latin1") ? "windows-1252" : name));
        } catch (IllegalArgumentException e) {
          // unknown charset name: try the next declaration
        }
      }
    }
    return Optional.empty();
  }

  /** The text without anything before its first '<' (whitespace, stray bytes). */
  static String fromFirstTag(String text) {
    int lt = text.indexOf('<');
    return lt <= 0 ? text : text.substring(lt);
  }
}
