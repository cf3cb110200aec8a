package org.veille.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Double-encoded UTF-8: text that was UTF-8, read as Windows-1252 and encoded again ({@code Ã©} for
 * {@code é}, {@code â€™} for {@code ’}). A field is repaired only when the whole of it reads back
 * as valid UTF-8, which legitimate accented text never does; a field that mixes the two is left
 * alone.
 */
final class Mojibake {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** A lead character of a two- or three-byte sequence followed by a continuation character. */
  private static final Pattern SUSPECT =
      Pattern.compile(
          "[\\u00C2-\\u00EF][\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E"
              + "\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026\\u2030"
              + "\\u2039\\u203A\\u20AC\\u2122]");

  private Mojibake() {}

  /** What a repair of {@code text} found: the text to keep, and whether it mixed both kinds. */
  record Result(String text, boolean repaired, boolean mixed) {}

  static Result repair(String text) {
    if (text == null || text.length() < 2 || !SUSPECT.matcher(text).find()) {
      return new Result(text, false, false);
    }
    byte[] bytes = bytes(text);
    if (bytes != null) {
      try {
        String decoded =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return new Result(decoded, true, false);
      } catch (CharacterCodingException e) {
        // falls through: not double-encoded as a whole
      }
    }
    return new Result(text, false, true);
  }

  /** The Windows-1252 bytes of {@code text} (C1 controls as the bytes they were), or null. */
  private static byte[] bytes(String text) {
    byte[] out = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0xff) {
        out[i] = (byte) c;
      } else {
        int b = c == '\uFFFD' ? -1 : HIGH.indexOf(c);
        if (b < 0) {
          return null;
        }
        out[i] = (byte) (0x80 + b);
      }
    }
    return out;
  }

  /** The characters Windows-1252 puts at 0x80–0x9F, by position. */
  private static final String HIGH = new String(bytes0x80(), WINDOWS_1252);

  private static byte[] bytes0x80() {
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i++) {
      b[i] = (byte) (0x80 + i);
    }
    return b;
  }
}
