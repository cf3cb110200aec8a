package org.veille.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

class SnippetHtmlTest {
  private static final List<String> TRICKY =
      List.of(
          "R&D <script>alert('x')</script> \"quotes\" a/b &amp; déjà",
          "Zones à faibles émissions",
          "50\u00a0%\u202fdes communes — l’ANCT « Territoires d’industrie »",
          "&&<<>>\"\"''",
          "emoji 🚲 and CJK 東京, tab\there",
          "");

  @Test
  void escapesTheStartOfATextAsJsoupDid() {
    for (String text : TRICKY) {
      assertEquals(Entities.escape(text), SnippetHtml.escape(text), text);
    }
  }

  @Test
  void escapedTextReadsBackAsItWas() {
    for (String text : TRICKY) {
      assertEquals(text, SnippetHtml.unescape(SnippetHtml.escape(text)), text);
    }
  }

  @Test
  void theFormattersEntitiesReadBack() {
    // Lucene's DefaultPassageFormatter escapes & < > " ' / as below
    assertEquals("a'b/c\"d<e>&f", SnippetHtml.unescape("a&#x27;b&#x2F;c&quot;d&lt;e&gt;&amp;f"));
  }

  @Test
  void unescapingIsOnePassAndLeavesOtherEntitiesAlone() {
    assertEquals("&lt; <", SnippetHtml.unescape("&amp;lt; &lt;"));
    assertEquals("&eacute; & &zz", SnippetHtml.unescape("&eacute; &amp; &zz"));
    assertEquals("a\u00a0b 'x' /", SnippetHtml.unescape("a&nbsp;b &#39;x&#x27; &#x2f;"));
  }

  @Test
  void theTextOfASnippetDropsItsMatchMarks() {
    assertEquals("les <données> ouvertes", SnippetHtml.text("les &lt;<b>données</b>&gt; ouvertes"));
  }

  @Test
  void textWithNothingToEscapeIsReturnedAsItIs() {
    String plain = "Zones à faibles émissions";
    assertEquals(plain, SnippetHtml.escape(plain));
    assertEquals(plain, SnippetHtml.unescape(plain));
  }
}
