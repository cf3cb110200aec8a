package org.veille.store;

import java.time.Instant;
import java.util.List;
import org.veille.calls.Call;
import org.veille.territory.Places;

/**
 * What the search index needs of an item, read in bulk for a rebuild. {@code author} may be null;
 * {@code published} is the item's date or its first sighting.
 */
public record IndexableItem(
    String id,
    String title,
    String summary,
    String content,
    String lang,
    String author,
    Instant published,
    List<String> sources,
    List<String> topics,
    Places places,
    Call call,
    String cluster) {

  public IndexableItem {
    sources = List.copyOf(sources);
    topics = List.copyOf(topics);
    places = places == null ? Places.NONE : places;
    call = call == null ? Call.NONE : call;
  }

  public IndexableItem(
      String id,
      String title,
      String summary,
      String content,
      String lang,
      String author,
      Instant published,
      List<String> sources,
      List<String> topics,
      Places places) {
    this(
        id, title, summary, content, lang, author, published, sources, topics, places, Call.NONE,
        null);
  }

  /** This item with the call it is. */
  public IndexableItem withCall(Call call) {
    return new IndexableItem(
        id, title, summary, content, lang, author, published, sources, topics, places, call,
        cluster);
  }

  /** This item in near-duplicate cluster {@code cluster} (null: alone). */
  public IndexableItem withCluster(String cluster) {
    return new IndexableItem(
        id, title, summary, content, lang, author, published, sources, topics, places, call,
        cluster);
  }

  /** An item without places. */
  public IndexableItem(
      String id,
      String title,
      String summary,
      String content,
      String lang,
      String author,
      Instant published,
      List<String> sources,
      List<String> topics) {
    this(
        id,
        title,
        summary,
        content,
        lang,
        author,
        published,
        sources,
        topics,
        Places.NONE,
        Call.NONE,
        null);
  }
}
