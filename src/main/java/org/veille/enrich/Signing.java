package org.veille.enrich;

import java.util.ArrayList;
import java.util.List;
import org.veille.cluster.Signer;
import org.veille.config.SourceConfig;
import org.veille.index.IndexDoc;
import org.veille.parse.ParsedItem;
import org.veille.store.EnrichedItem;

/**
 * Signs each item with the MinHash of its title and text (the text a search sees), from which the
 * store places it in a cluster of near-duplicate stories. An item whose text is empty or too short
 * gets no signature and stays alone.
 */
public final class Signing implements Enricher {
  private final Signer signer;

  public Signing(Signer signer) {
    this.signer = signer;
  }

  @Override
  public List<EnrichedItem> enrich(SourceConfig source, List<EnrichedItem> items) {
    List<EnrichedItem> out = new ArrayList<>(items.size());
    for (EnrichedItem item : items) {
      ParsedItem p = item.parsed();
      out.add(
          item.withSignature(
              signer.sign(p.title(), IndexDoc.body(p.summary(), p.contentText())).orElse(null)));
    }
    return out;
  }
}
