package org.veille.enrich;

import java.util.ArrayList;
import java.util.List;
import org.veille.calls.CallReader;
import org.veille.config.SourceConfig;
import org.veille.index.IndexDoc;
import org.veille.parse.ParsedItem;
import org.veille.store.EnrichedItem;

/**
 * Reads each item as a call for projects: whether it is one (by its phrases, or because its source
 * is marked {@code kind: calls}) and its deadline, from its title, summary and content. The
 * publication date (or, without one, today) dates the days written without a year.
 */
public final class CallDetection implements Enricher {

  @Override
  public List<EnrichedItem> enrich(SourceConfig source, List<EnrichedItem> items) {
    List<EnrichedItem> out = new ArrayList<>(items.size());
    for (EnrichedItem item : items) {
      ParsedItem p = item.parsed();
      out.add(
          item.withCall(
              CallReader.read(
                  p.title(),
                  IndexDoc.body(p.summary(), p.contentText()),
                  p.published(),
                  source.givesCalls())));
    }
    return out;
  }
}
