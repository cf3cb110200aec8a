package org.veille.enrich;

import java.util.List;
import org.veille.config.SourceConfig;
import org.veille.store.EnrichedItem;

/**
 * One step of the enrichment chain. It sees every item one source gave in a run, so that a step can
 * cap or batch its work per source, and returns them enriched, in the same order and number. Runs
 * on a crawl worker thread, several sources at once: implementations are thread-safe. A step never
 * fails the source: what it cannot do it leaves undone (and may record why on the item).
 */
@FunctionalInterface
public interface Enricher {
  List<EnrichedItem> enrich(SourceConfig source, List<EnrichedItem> items)
      throws InterruptedException;

  /** The step that changes nothing. */
  Enricher NONE = (source, items) -> items;
}
