package org.veille.editorial;

import java.util.List;
import java.util.function.Predicate;
import org.veille.config.Audience;
import org.veille.store.StoredItem;

/**
 * Which stored items an audience's letter keeps: one of its topics, carried by one of its sources,
 * about one of its territories. Each kind of filter left empty keeps everything; the territory
 * filters together keep an item about any of the communes, EPTs or départements named (an item
 * about a commune is about its EPT and département too, as the place tagger records them).
 */
public final class AudienceFilter {
  private AudienceFilter() {}

  public static Predicate<StoredItem> of(Audience a) {
    Audience.Filters f = a.filters();
    return i ->
        (f.topics().isEmpty() || overlaps(i.topics(), f.topics()))
            && (f.sources().isEmpty() || overlaps(i.sources(), f.sources()))
            && (!f.territorial()
                || overlaps(i.places().communeCodes(), f.communes())
                || overlaps(i.places().eptCodes(), f.epts())
                || overlaps(i.places().departementCodes(), f.departements()));
  }

  private static boolean overlaps(List<String> carried, List<String> wanted) {
    return carried.stream().anyMatch(wanted::contains);
  }
}
