package org.veille.parse;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The canonical form of an article's address, used to recognise the same article across sources:
 * absolute, http or https, host lower-cased, default port and fragment dropped, path normalised,
 * and tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, …) removed.
 */
public final class CanonicalUrl {
  private static final List<String> TRACKING =
      List.of(
          "fbclid",
          "gclid",
          "dclid",
          "gbraid",
          "wbraid",
          "msclkid",
          "yclid",
          "igshid",
          "mc_cid",
          "mc_eid",
          "_hsenc",
          "_hsmi",
          "mkt_tok",
          "xtor",
          "at_medium",
          "at_campaign",
          "at_source",
          "ncid",
          "cmpid",
          "oly_enc_id",
          "oly_anon_id",
          "vero_id",
          "_ga",
          "_gl",
          "ref_src");
  private static final BasicURLNormalizer NORMALIZER =
      BasicURLNormalizer.newBuilder().queryParamsToRemove(TRACKING).build();

  private CanonicalUrl() {}

  /**
   * Resolves {@code href} against {@code base} (which may be null) and canonicalises it; empty when
   * the result is not an absolute http(s) URL.
   */
  public static Optional<URI> of(String href, URI base) {
    if (href == null || href.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(href.trim().replace(" ", "%20"));
      if (base != null && !uri.isAbsolute()) {
        uri = base.resolve(uri);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        return Optional.empty();
      }
      String normalized = NORMALIZER.filter(withoutUtm(uri).toString());
      return normalized == null ? Optional.empty() : Optional.of(new URI(normalized));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static URI withoutUtm(URI uri) throws URISyntaxException {
    String query = uri.getRawQuery();
    if (query == null || !query.toLowerCase(Locale.ROOT).contains("utm_")) {
      return uri;
    }
    StringBuilder kept = new StringBuilder();
    for (String pair : query.split("&")) {
      if (!pair.toLowerCase(Locale.ROOT).startsWith("utm_") && !pair.isEmpty()) {
        kept.append(kept.length() == 0 ? "" : "&").append(pair);
      }
    }
    String s = uri.toString();
    int q = s.indexOf('?');
    int hash = s.indexOf('#', q);
    String rebuilt =
        s.substring(0, q)
            + (kept.length() == 0 ? "" : "?" + kept)
            + (hash >= 0 ? s.substring(hash) : "");
    return new URI(rebuilt);
  }
}
