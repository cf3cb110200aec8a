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
import org.veille.store.WriterLock;
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
  public record Results(
      SearchResult result,
      List<Row> rows,
      Optional<String> note,
      Map<String, List<String>> sentIn) {
    public Results {
      rows = List.copyOf(rows);
      sentIn = Map.copyOf(sentIn);
    }

    /** The letters that carried the item ({@code audience/week}), oldest first. */
    public List<String> sentIn(String id) {
      return sentIn.getOrDefault(id, List.of());
    }
  }

  /**
   * Runs {@code request}.
   *
   * @throws RequestException when the query does not parse; the message points at the column
   */
  public Results run(SearchRequest request) throws ConfigException {
    return run(request, false, null);
  }

  /**
   * Runs {@code request} over the items that went out in a letter when {@code sent}, or in the
   * letters of {@code in} (a week, or {@code audience/week}) when not null.
   *
   * @throws RequestException when the query does not parse, or {@code in} is not a week
   */
  public Results run(SearchRequest request, boolean sent, String in) throws ConfigException {
    if (sent || in != null) {
      request = request.within(new Archive(ctx).sentItems(in));
    }
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
      Optional<String> note = Optional.empty();
      if (result.total() == 0 && index.size() < store.items().count()) {
        Optional<String> writer = WriterLock.holder(ctx.dataDir());
        if (writer.isPresent()) {
          note =
              Optional.of(
                  "a crawl or reindex is running"
                      + (writer.get().isEmpty() ? "" : " (pid " + writer.get() + ")")
                      + "; results appear as it commits, search again in a moment");
        } else if (index.size() == 0) {
          note = Optional.of("the search index is empty; run 'veille reindex'");
        }
      }
      Map<String, List<String>> sentIn =
          store.letters().sentIn(rows.stream().map(r -> r.item().id()).toList());
      return new Results(result, rows, note, sentIn);
    }
  }
}
