package org.veille.store;

import java.util.List;
import org.veille.calls.Call;
import org.veille.cluster.Signature;
import org.veille.parse.ParsedItem;
import org.veille.territory.Places;

/**
 * An item on its way from parse to the store: what the source published, plus what the enrichment
 * chain added to it ({@code topics}: the ids of the topics it matches, in config order; {@code
 * places}: the communes, territories and départements it is about; {@code call}: the call for
 * projects it is, if any; {@code fulltext}: what the full-text step decided for it in this run,
 * null when it left the item as stored; {@code signature}: the MinHash of its text, null when too
 * short to have one). Immutable; each enrichment step returns a new value.
 */
public record EnrichedItem(
    ParsedItem parsed,
    List<String> topics,
    Places places,
    Call call,
    FullText fulltext,
    Signature signature) {
  public EnrichedItem {
    topics = List.copyOf(topics);
    places = places == null ? Places.NONE : places;
    call = call == null ? Call.NONE : call;
  }

  public EnrichedItem(ParsedItem parsed, List<String> topics, Places places) {
    this(parsed, topics, places, Call.NONE, null, null);
  }

  public EnrichedItem(ParsedItem parsed, List<String> topics) {
    this(parsed, topics, Places.NONE);
  }

  /** A parsed item that nothing has enriched yet. */
  public static EnrichedItem of(ParsedItem parsed) {
    return new EnrichedItem(parsed, List.of());
  }

  public EnrichedItem withTopics(List<String> topics) {
    return new EnrichedItem(parsed, topics, places, call, fulltext, signature);
  }

  public EnrichedItem withPlaces(Places places) {
    return new EnrichedItem(parsed, topics, places, call, fulltext, signature);
  }

  public EnrichedItem withCall(Call call) {
    return new EnrichedItem(parsed, topics, places, call, fulltext, signature);
  }

  /** This item with the MinHash of its text (null: too short to have one, never clustered). */
  public EnrichedItem withSignature(Signature signature) {
    return new EnrichedItem(parsed, topics, places, call, fulltext, signature);
  }

  /**
   * The item with the full-text step's decision; a fetched article's text and HTML take the place
   * of the feed's content, so that the steps after this one read the article.
   */
  public EnrichedItem withFullText(FullText fulltext) {
    ParsedItem p = parsed;
    if (fulltext != null && fulltext.status() == FullText.Status.FETCHED) {
      p =
          new ParsedItem(
              p.guid(),
              p.url(),
              p.title(),
              p.summary(),
              fulltext.text(),
              fulltext.html(),
              p.author(),
              p.published(),
              p.updated(),
              p.categories(),
              p.lang());
    }
    return new EnrichedItem(p, topics, places, call, fulltext, signature);
  }
}
