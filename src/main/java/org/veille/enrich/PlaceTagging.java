package org.veille.enrich;

import java.util.ArrayList;
import java.util.List;
import org.veille.config.SourceConfig;
import org.veille.index.IndexDoc;
import org.veille.parse.ParsedItem;
import org.veille.store.EnrichedItem;
import org.veille.territory.PlaceTagger;

/**
 * Tags each item with the communes, territories and départements it is about, read in its title,
 * summary and content (the text a search sees).
 */
public final class PlaceTagging implements Enricher {
  private final PlaceTagger tagger;

  public PlaceTagging(PlaceTagger tagger) {
    this.tagger = tagger;
  }

  @Override
  public List<EnrichedItem> enrich(SourceConfig source, List<EnrichedItem> items) {
    List<EnrichedItem> out = new ArrayList<>(items.size());
    for (EnrichedItem item : items) {
      ParsedItem p = item.parsed();
      out.add(item.withPlaces(tagger.tag(p.title(), IndexDoc.body(p.summary(), p.contentText()))));
    }
    return out;
  }
}
