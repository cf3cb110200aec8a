package org.veille.index;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.veille.calls.Call;
import org.veille.territory.Places;

/**
 * What the index knows of an item. {@code body} is summary and content together (see {@link
 * #body}); {@code author} may be null; {@code published} is the item's date or, without one, its
 * first sighting; {@code places} are the communes, territories and départements it is about; {@code
 * call} is the call for projects it is, if any; {@code cluster} the id of its near-duplicate
 * cluster (null when alone), which searches collapse on.
 */
public record IndexDoc(
    String id,
    String title,
    String body,
    String lang,
    String author,
    List<String> sources,
    List<String> topics,
    Instant published,
    Places places,
    Call call,
    String cluster) {

  private static final Pattern TRAILING_ELLIPSIS =
      Pattern.compile("\\s*(\\[…]|\\[\\.\\.\\.]|…|\\.\\.\\.)$");

  public IndexDoc {
    sources = List.copyOf(sources);
    topics = List.copyOf(topics);
    places = places == null ? Places.NONE : places;
    call = call == null ? Call.NONE : call;
  }

  public IndexDoc(
      String id,
      String title,
      String body,
      String lang,
      String author,
      List<String> sources,
      List<String> topics,
      Instant published,
      Places places) {
    this(id, title, body, lang, author, sources, topics, published, places, Call.NONE, null);
  }

  /** This document in near-duplicate cluster {@code cluster} (null: alone). */
  public IndexDoc withCluster(String cluster) {
    return new IndexDoc(
        id, title, body, lang, author, sources, topics, published, places, call, cluster);
  }

  /** What a search collapses on: the cluster, or the item itself when it is alone. */
  public String collapseKey() {
    return cluster == null ? id : cluster;
  }

  /** A document without places. */
  public IndexDoc(
      String id,
      String title,
      String body,
      String lang,
      String author,
      List<String> sources,
      List<String> topics,
      Instant published) {
    this(id, title, body, lang, author, sources, topics, published, Places.NONE, Call.NONE, null);
  }

  /** This document with the places of its item. */
  public IndexDoc withPlaces(Places places) {
    return new IndexDoc(
        id, title, body, lang, author, sources, topics, published, places, call, cluster);
  }

  /** This document with the call its item is. */
  public IndexDoc withCall(Call call) {
    return new IndexDoc(
        id, title, body, lang, author, sources, topics, published, places, call, cluster);
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
