package org.veille.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veille.config.ConfigException;
import org.veille.index.Index;
import org.veille.index.QuerySyntaxException;
import org.veille.index.SearchRequest;
import org.veille.index.SearchResult;
import org.veille.store.Store;
import org.veille.store.StoredItem;
import org.veille.sync.Documents;

/** A search: the index finds the hits, the store gives each hit its item. */
public final class Search {
  private final Context ctx;

  public Search(Context ctx) {
    this.ctx = ctx;
  }

  /** A hit joined with its stored item. */
  public record Row(StoredItem item, SearchResult.Hit hit) {}

  /**
   * What a search found: the index's result, the hits with their items (a hit whose item is gone
   * from the store is dropped), and a note for the user when the result looks wrong for a reason
   * they can fix.
   */
  public record Results(SearchResult result, List<Row> rows, Optional<String> note) {
    public Results {
      rows = List.copyOf(rows);
    }
  }

  /**
   * Runs {@code request}.
   *
   * @throws RequestException when the query does not parse; the message points at the column
   */
  public Results run(SearchRequest request) throws ConfigException {
    try (Store store = ctx.openStore();
        Index index = ctx.openIndex()) {
      SearchResult result;
      try {
        result = index.search(request, Documents.snippets(store.items()));
      } catch (QuerySyntaxException e) {
        throw new RequestException(e.getMessage());
      }
      Map<String, StoredItem> items = new LinkedHashMap<>();
      for (StoredItem i :
          store.items().items(result.hits().stream().map(SearchResult.Hit::id).toList())) {
        items.put(i.id(), i);
      }
      List<Row> rows = new ArrayList<>();
      for (SearchResult.Hit h : result.hits()) {
        StoredItem i = items.get(h.id());
        if (i != null) {
          rows.add(new Row(i, h));
        }
      }
      Optional<String> note =
          result.total() == 0 && index.size() == 0 && store.items().count() > 0
              ? Optional.of("the search index is empty; run 'veille reindex'")
              : Optional.empty();
      return new Results(result, rows, note);
    }
  }
}
