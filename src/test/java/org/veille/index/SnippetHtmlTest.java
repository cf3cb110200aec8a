package org.veille.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnippetHtmlTest {
  @Test
  void escapedTextReadsBackAsItWas() {
    String text = "R&D <script>alert('x')</script> \"quotes\" a/b &amp; déjà";
    String html = SnippetHtml.escape(text);
    assertEquals(
        "R&amp;D &lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; &quot;quotes&quot; a&#x2F;b"
            + " &amp;amp; déjà",
        html);
    assertEquals(text, SnippetHtml.unescape(html));
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
