package org.veille.digest;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown from feed text, in one place for every Markdown Veille writes (digests, search results):
 * text is folded to one line with Markdown's and HTML's special characters escaped, so that nothing
 * a feed says becomes markup, a link or a tag.
 */
public final class Markdown {
  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|!~])");
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private Markdown() {}

  /** {@code text} as inert Markdown on one line. */
  public static String escape(String text) {
    String one = text.replaceAll("[\\r\\n\\t]+", " ").strip();
    return SPECIAL.matcher(one).replaceAll("\\\\$1");
  }

  /**
   * A link to {@code url} with {@code text}, when the URL is http or https; else the escaped text
   * alone. Characters that would end the link target early are percent-encoded.
   */
  public static String link(String text, String url) {
    if (url == null) {
      return escape(text);
    }
    String scheme;
    try {
      scheme = URI.create(url).getScheme();
    } catch (IllegalArgumentException e) {
      return escape(text);
    }
    if (scheme == null
        || !(scheme.toLowerCase(Locale.ROOT).equals("http")
            || scheme.toLowerCase(Locale.ROOT).equals("https"))) {
      return escape(text);
    }
    String target = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20");
    target = target.replace("<", "%3C").replace(">", "%3E");
    return "[" + escape(text) + "](" + target + ")";
  }

  /** {@code text} as a code span, fenced by more backticks than it holds. */
  public static String code(String text) {
    int longest = 0;
    Matcher m = BACKTICKS.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    String fence = "`".repeat(longest + 1);
    String one = text.replaceAll("[\\r\\n\\t]+", " ");
    return fence + (longest > 0 ? " " + one + " " : one) + fence;
  }
}
