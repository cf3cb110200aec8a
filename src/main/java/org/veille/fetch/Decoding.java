package org.veille.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/** Undoes {@code Content-Encoding}, with the same cap on the decoded size (gzip bombs). */
final class Decoding {
  private Decoding() {}

  static byte[] decode(byte[] raw, String contentEncoding, long cap) throws IOException {
    String enc = contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (raw.length == 0 || enc.isEmpty() || enc.equals("identity")) {
      return raw;
    }
    try {
      return switch (enc) {
        case "gzip", "x-gzip" ->
            readCapped(new GZIPInputStream(new ByteArrayInputStream(raw)), cap);
        case "deflate" -> inflate(raw, cap);
        default -> throw new IOException("unsupported Content-Encoding '" + contentEncoding + "'");
      };
    } catch (ZipException | java.io.EOFException e) {
      throw new IOException(
          "invalid "
              + enc
              + " body (Content-Encoding says "
              + enc
              + " but the data is not): "
              + e.getMessage(),
          e);
    }
  }

  /** Deflate as servers send it: zlib-wrapped per the RFC, or raw as some servers do. */
  private static byte[] inflate(byte[] raw, long cap) throws IOException {
    try {
      return readCapped(
          new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(false)), cap);
    } catch (ZipException e) {
      return readCapped(
          new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)), cap);
    }
  }

  private static byte[] readCapped(InputStream in, long cap) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > cap) {
          throw new BodyTooLargeException(cap);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }
}
