package org.veille.parse;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Makes the links of cleaned HTML absolute and drops those whose protocol is not allowed, once per
 * attribute: what jsoup's {@code Cleaner} does with the relaxed safelist's protocols, which there
 * costs two {@code absUrl} calls per link, each stripping control characters with a regular
 * expression and parsing the base again. The resolution is jsoup's ({@code StringUtil.resolve} in
 * 1.24), step by step, so that the output stays the same to the byte.
 */
final class Links {
  /** The relaxed safelist's protocols: {@code a[href]} takes ftp too, as it always did. */
  private static final Set<String> HREF = Set.of("ftp", "http", "https", "mailto");

  private static final Set<String> CITE = Set.of("http", "https");
  private static final Pattern VALID_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+-.]*:");

  private String base;
  private URL baseUrl;

  /** Rewrites or removes the {@code href} and {@code cite} links under {@code root}, in place. */
  void apply(Element root) {
    for (Element el : root.getAllElements()) {
      switch (el.normalName()) {
        case "a" -> check(el, "href", HREF);
        case "blockquote", "q" -> check(el, "cite", CITE);
        default -> {}
      }
    }
  }

  private void check(Element el, String key, Set<String> protocols) {
    if (!el.hasAttr(key)) {
      return;
    }
    String raw = el.attr(key);
    String abs = absolute(el.baseUri(), raw);
    // Safelist.getProtocolValue: an address that cannot be made absolute is tested as it is
    String tested = abs.isEmpty() && !hasHttpScheme(raw) ? raw : abs;
    if (allowed(tested, protocols)) {
      el.attr(key, abs.isEmpty() ? raw : abs);
    } else {
      el.removeAttr(key);
    }
  }

  private static boolean allowed(String value, Set<String> protocols) {
    int colon = value.indexOf(':');
    return colon > 0 && protocols.contains(value.substring(0, colon).toLowerCase(Locale.ENGLISH));
  }

  /** {@code StringUtil.resolve(base, rel)}, with the base parsed once per document. */
  private String absolute(String baseUri, String rel) {
    rel = stripControlChars(rel);
    URL b = base(baseUri);
    if (b != null) {
      try {
        return resolve(b, rel).toExternalForm();
      } catch (MalformedURLException e) {
        // the base is unsuitable, or resolution failed; the link may be absolute on its own
      }
    }
    try {
      URL abs = new URL(rel);
      validateHttpUrl(abs);
      return abs.toExternalForm();
    } catch (MalformedURLException e) {
      return VALID_SCHEME.matcher(rel).find() && !hasHttpScheme(rel) ? rel : "";
    }
  }

  private URL base(String baseUri) {
    if (!baseUri.equals(base)) {
      base = baseUri;
      try {
        baseUrl = new URL(stripControlChars(baseUri));
      } catch (MalformedURLException e) {
        baseUrl = null;
      }
    }
    return baseUrl;
  }

  private static URL resolve(URL base, String rel) throws MalformedURLException {
    if (rel.startsWith("?")) {
      rel = base.getPath() + rel;
    }
    URL url = new URL(base, rel);
    String file = url.getFile();
    // jsoup's ^/(?>(?>\.\.?/)+) → "/": leading dot segments dropped
    if (file.startsWith("/./") || file.startsWith("/../")) {
      int i = 1;
      while (file.startsWith("./", i) || file.startsWith("../", i)) {
        i += file.charAt(i + 1) == '/' ? 2 : 3;
      }
      file = "/" + file.substring(i);
    }
    if (url.getRef() != null) {
      file = file + "#" + url.getRef();
    }
    URL resolved = new URL(url.getProtocol(), url.getHost(), url.getPort(), file);
    validateHttpUrl(resolved);
    return resolved;
  }

  private static void validateHttpUrl(URL url) throws MalformedURLException {
    if (isHttpScheme(url.getProtocol()) && url.getHost().isEmpty()) {
      throw new MalformedURLException("Invalid URL: host is missing");
    }
  }

  private static boolean isHttpScheme(String scheme) {
    return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
  }

  private static boolean hasHttpScheme(String value) {
    int colon = value.indexOf(':');
    return colon > 0 && isHttpScheme(value.substring(0, colon));
  }

  /** The characters U+0000–U+001F removed; {@code s} itself when it has none. */
  static String stripControlChars(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) >= 0x20) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
    for (; i < s.length(); i++) {
      if (s.charAt(i) >= 0x20) {
        sb.append(s.charAt(i));
      }
    }
    return sb.toString();
  }
}
