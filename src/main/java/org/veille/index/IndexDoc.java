package org.veille.index;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the index knows of an item. {@code body} is summary and content together (see {@link
 * #body}); {@code author} may be null; {@code published} is the item's date or, without one, its
 * first sighting.
 */
public record IndexDoc(
    String id,
    String title,
    String body,
    String lang,
    String author,
    List<String> sources,
    List<String> topics,
    Instant published) {

  private static final Pattern TRAILING_ELLIPSIS =
      Pattern.compile("\\s*(\\[…]|\\[\\.\\.\\.]|…|\\.\\.\\.)$");

  public IndexDoc {
    sources = List.copyOf(sources);
    topics = List.copyOf(topics);
  }

  /**
   * The document of an item: the one mapping from an item's fields to what is indexed, used when
   * tagging, indexing, rebuilding and reading snippets alike.
   */
  public static IndexDoc of(
      String id,
      String title,
      String summary,
      String content,
      String lang,
      String author,
      List<String> sources,
      List<String> topics,
      Instant published) {
    return new IndexDoc(
        id, title, body(summary, content), lang, author, sources, topics, published);
  }

  /**
   * The indexed body of an item: summary and content. A summary that is the opening of the content
   * (feeds often excerpt it) is not repeated, so its words are not counted twice. Snippet offsets
   * point into exactly this text.
   */
  public static String body(String summary, String content) {
    if (content.isEmpty() || content.equals(summary)) {
      return summary;
    }
    String lead = TRAILING_ELLIPSIS.matcher(summary).replaceFirst("");
    return summary.isEmpty() || content.startsWith(lead) ? content : summary + "\n" + content;
  }
}
