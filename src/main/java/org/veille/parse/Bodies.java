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
 * Decodes a fetched body to text the way a forgiving reader does: a byte-order mark wins; UTF-16
 * without one is recognised by its pattern of zero bytes; bytes that are valid UTF-8 are UTF-8
 * whatever the declaration says (a declared ISO-8859-1 on UTF-8 bytes is the common lie); a body
 * declared UTF-8 (or undeclared) with a few invalid bytes keeps its UTF-8 and reads the stray bytes
 * as Windows-1252; otherwise the declared charset, ISO-8859-1 meaning Windows-1252.
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

  /** Decoded text, and a note on how when it took a guess (null otherwise). */
  record Decoded(String text, String note) {}

  static String decode(byte[] body, String contentType) {
    return decodeNoted(body, contentType).text();
  }

  static Decoded decodeNoted(byte[] body, String contentType) {
    String utf16 = utf16WithoutBom(body);
    if (utf16 != null) {
      Charset cs = utf16.equals("LE") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      return new Decoded(
          new String(body, cs),
          "no byte-order mark: read as UTF-16" + utf16 + " from the pattern of its bytes");
    }
    return new Decoded(decodeUntold(body, contentType), null);
  }

  private static String decodeUntold(byte[] body, String contentType) {
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
      return mixedUtf8(body);
    }
    return new String(body, declared);
  }

  /** UTF-8 where the bytes are UTF-8, Windows-1252 for each byte that is not. */
  private static String mixedUtf8(byte[] body) {
    java.nio.charset.CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(body.length + 16);
    Charset cp1252 = Charset.forName("windows-1252");
    while (true) {
      java.nio.charset.CoderResult r = dec.decode(in, out, true);
      if (r.isUnderflow()) {
        dec.flush(out);
        break;
      }
      if (r.isOverflow()) {
        out = grow(out);
        continue;
      }
      for (int i = 0; i < r.length(); i++) {
        if (!out.hasRemaining()) {
          out = grow(out);
        }
        out.put(new String(new byte[] {in.get()}, cp1252).charAt(0));
      }
    }
    out.flip();
    return out.toString();
  }

  private static java.nio.CharBuffer grow(java.nio.CharBuffer out) {
    java.nio.CharBuffer bigger = java.nio.CharBuffer.allocate(out.capacity() * 2 + 16);
    out.flip();
    return bigger.put(out);
  }

  /** "LE" or "BE" when the body is UTF-16 without a byte-order mark, else null. */
  private static String utf16WithoutBom(byte[] body) {
    if (body.length < 4) {
      return null;
    }
    int b0 = body[0] & 0xff;
    int b1 = body[1] & 0xff;
    if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
      return null;
    }
    int n = Math.min(body.length - body.length % 2, 512);
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < n; i += 2) {
      evenZeros += body[i] == 0 ? 1 : 0;
      oddZeros += body[i + 1] == 0 ? 1 : 0;
    }
    int pairs = n / 2;
    if (oddZeros * 10 >= pairs * 7 && evenZeros * 10 < pairs) {
      return "LE";
    }
    if (evenZeros * 10 >= pairs * 7 && oddZeros * 10 < pairs) {
      return "BE";
    }
    return null;
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
