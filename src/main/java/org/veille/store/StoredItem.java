package org.veille.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.veille.calls.Call;
import org.veille.territory.Places;

/**
 * An item as stored: the fields of {@code show --format json}. {@code url}, {@code guid}, {@code
 * updated} and {@code author} may be null; {@code published} is the feed's date or, without one,
 * the first time the item was seen. {@code sources} lists every source that carried it, the first
 * (which gave title and summary) first. {@code feedTitle} (nullable) is the own title of that first
 * source's feed; {@code places} are the communes, territories and départements the enrichment chain
 * found in it; {@code call} is the call for projects it is, if any. {@code contentSource} is {@code
 * feed} or {@code article} (the content is the text of the item's article page, fetched for a
 * teaser); {@code fulltext} (nullable) is the full-text step's record, e.g. "failed: HTTP 403
 * (access refused)". {@code cluster} is the id of its near-duplicate cluster (null when alone),
 * {@code clusterSize} the number of items in it (1 when alone) and {@code clusterSources} the
 * sources of all its items, each once, in the order they first carried the story.
 */
public record StoredItem(
    String id,
    String title,
    String url,
    String source,
    List<String> sources,
    Instant published,
    String lang,
    List<String> topics,
    String guid,
    Instant updated,
    String author,
    String summary,
    String content,
    Instant firstSeen,
    List<String> categories,
    String feedTitle,
    Places places,
    Call call,
    String contentSource,
    String fulltext,
    String cluster,
    int clusterSize,
    List<String> clusterSources) {

  public StoredItem {
    sources = List.copyOf(sources);
    topics = List.copyOf(topics);
    categories = List.copyOf(categories);
    places = places == null ? Places.NONE : places;
    call = call == null ? Call.NONE : call;
    contentSource = contentSource == null ? "feed" : contentSource;
    clusterSources = clusterSources == null ? List.of() : List.copyOf(clusterSources);
  }

  /**
   * An item as a feed gave it and nothing more: its feed's title not known, no places, no call, the
   * feed's content, outside any cluster.
   */
  public StoredItem(
      String id,
      String title,
      String url,
      String source,
      List<String> sources,
      Instant published,
      String lang,
      List<String> topics,
      String guid,
      Instant updated,
      String author,
      String summary,
      String content,
      Instant firstSeen,
      List<String> categories) {
    this(
        id,
        title,
        url,
        source,
        sources,
        published,
        lang,
        topics,
        guid,
        updated,
        author,
        summary,
        content,
        firstSeen,
        categories,
        null,
        Places.NONE,
        Call.NONE,
        "feed",
        null,
        null,
        1,
        List.of());
  }

  /**
   * The sources of the other items of its cluster that do not carry this one, in the order they
   * first carried the story (empty outside a cluster).
   */
  public List<String> alsoIn() {
    return clusterSources.stream().filter(s -> !sources.contains(s)).toList();
  }

  public Optional<String> fullTextRecord() {
    return Optional.ofNullable(fulltext);
  }

  /** True when the content is the text of the item's article page rather than the feed's. */
  public boolean fromArticle() {
    return "article".equals(contentSource);
  }

  public Optional<String> link() {
    return Optional.ofNullable(url);
  }

  /** What the search index needs of this item. */
  public IndexableItem indexable() {
    return new IndexableItem(
            id, title, summary, content, lang, author, published, sources, topics, places)
        .withCall(call)
        .withCluster(cluster);
  }
}
