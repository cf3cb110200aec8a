package org.veille.enrich;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.veille.config.SourceConfig;
import org.veille.index.IndexDoc;
import org.veille.index.Tagger;
import org.veille.parse.ParsedItem;
import org.veille.store.EnrichedItem;

/**
 * Tags each item with the topics of feeds.yaml whose query it matches, exactly as a search would
 * match its indexed document.
 */
public final class TopicTagging implements Enricher {
  private final Tagger tagger;

  public TopicTagging(Tagger tagger) {
    this.tagger = tagger;
  }

  @Override
  public List<EnrichedItem> enrich(SourceConfig source, List<EnrichedItem> items) {
    List<EnrichedItem> out = new ArrayList<>(items.size());
    for (EnrichedItem item : items) {
      ParsedItem p = item.parsed();
      IndexDoc doc =
          IndexDoc.of(
              "",
              p.title(),
              p.summary(),
              p.contentText(),
              p.lang(),
              p.author(),
              List.of(source.id()),
              List.of(),
              p.published() == null ? Instant.EPOCH : p.published());
      out.add(item.withTopics(tagger.topics(doc)));
    }
    return out;
  }
}
