package org.veille.enrich;

import java.util.List;
import org.veille.config.SourceConfig;
import org.veille.store.EnrichedItem;

/** Steps run one after the other, each on what the previous one returned. */
public final class EnrichmentChain implements Enricher {
  private final List<Enricher> steps;

  public EnrichmentChain(List<Enricher> steps) {
    this.steps = List.copyOf(steps);
  }

  @Override
  public List<EnrichedItem> enrich(SourceConfig source, List<EnrichedItem> items)
      throws InterruptedException {
    List<EnrichedItem> out = items;
    for (Enricher step : steps) {
      out = step.enrich(source, out);
      if (out.size() != items.size()) {
        throw new IllegalStateException(
            step.getClass().getSimpleName() + " returned " + out.size() + " of " + items.size());
      }
    }
    return out;
  }
}
