package org.veille.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.veille.bench.BenchCorpus;

/**
 * {@link Text#sanitized} checks link protocols itself, once per link, and {@link Text.Fragments}
 * sanitizes the markup it just made plain without parsing it again; the output must stay what
 * jsoup's Cleaner gives with the relaxed safelist (without images), byte for byte.
 */
class SanitizedLinksTest {
  private static final Safelist REFERENCE = Safelist.relaxed().removeTags("img");
  private static final Document.OutputSettings COMPACT =
      new Document.OutputSettings().prettyPrint(false);

  private static final String[] LINKS = {
    "https://example.org/a?b=1#c",
    "HTTP://EXAMPLE.ORG/A",
    "/absolute/path",
    "relative/page.html",
    "./dot/page",
    "../up/page",
    "/../../above",
    "/./here/../there",
    "?query=1",
    "#fragment",
    "",
    "//other.example/x",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "\u0001javascript:alert(1)",
    " javascript:alert(1)",
    "vbscript:msgbox",
    "data:text/html;base64,PHNjcmlwdD4=",
    "mailto:a@b.fr",
    "MAILTO:A@B.FR",
    "ftp://ftp.example.org/f",
    "tel:+33123456789",
    "http:/no-host",
    "https://",
    "http:relative",
    "http://exa mple.org/a b",
    "https://exemple.fr/été?q=à",
    "https://[::1]:8080/x",
    "https://example.org:99999/x",
    "file:///etc/passwd",
    "news:comp.lang.java",
    "&#106;avascript:alert(1)",
    "https://example.org/\u0000nul",
  };

  private static final String[] BASES = {
    "https://www.example.fr/flux/feed.xml",
    "http://127.0.0.2:8080/feed/1.xml?x=1",
    "",
    "not a url",
    "mailto:someone@example.org",
    "https://www.example.fr/a\u0001b/",
  };

  static Stream<String> bases() {
    return Stream.of(BASES);
  }

  @ParameterizedTest
  @MethodSource("bases")
  void linksComeOutAsJsoupsCleanerMakesThem(String base) {
    for (String link : LINKS) {
      String attr = link.replace("\"", "&quot;");
      for (String html :
          List.of(
              "<p><a title=\"t\" href=\"" + attr + "\" onclick=\"x()\">l</a></p>",
              "<blockquote cite=\"" + attr + "\">q</blockquote><q cite=\"" + attr + "\">q</q>",
              "<cite cite=\""
                  + attr
                  + "\">c</cite><img src=\""
                  + attr
                  + "\"><div href=\""
                  + attr
                  + "\">d</div>",
              "<a HREF=\"" + attr + "\" href=\"/second\">dup</a><a href>empty</a>",
              "<base href=\"https://elsewhere.example/dir/\"><a href=\"" + attr + "\">b</a>",
              "<base href=\"/rel/\"><a href=\"" + attr + "\">b</a>")) {
        assertEquals(reference(html, base), Text.sanitized(html, base), html + " on " + base);
        Text.Fragments once = new Text.Fragments();
        assertEquals(Text.plain(html), once.plain(html), html);
        assertEquals(reference(html, base), once.sanitized(html, base), html + " on " + base);
      }
    }
  }

  @Test
  void theBenchCorpusComesOutUnchanged() {
    BenchCorpus corpus = new BenchCorpus(42, BenchCorpus.Kind.REALISTIC);
    List<String> differences = new ArrayList<>();
    for (int n = 1; n <= 200; n++) {
      String base = "http://127.0.0.2:8080/feed/" + n + ".xml";
      for (BenchCorpus.Item item : corpus.items(n)) {
        Text.Fragments once = new Text.Fragments();
        if (!reference(item.html(), base).equals(Text.sanitized(item.html(), base))
            || !Text.plain(item.html()).equals(once.plain(item.html()))
            || !reference(item.html(), base).equals(once.sanitized(item.html(), base))) {
          differences.add(item.guid());
        }
      }
    }
    assertEquals(List.of(), differences);
  }

  private static String reference(String html, String base) {
    return Jsoup.clean(Text.safe(html), base, REFERENCE, COMPACT).trim();
  }
}
