package org.veille.app;

import java.util.function.Consumer;
import org.veille.config.ConfigException;
import org.veille.store.ItemFilter;
import org.veille.store.Store;
import org.veille.store.StoredItem;

/** Reading stored items: one in full, or all of them for an export. */
public final class Items {
  private final Context ctx;

  public Items(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * The item with this id.
   *
   * @throws RequestException when there is none
   */
  public StoredItem show(String id) throws ConfigException {
    try (Store store = ctx.openStore()) {
      return store
          .items()
          .item(id.trim())
          .orElseThrow(() -> new RequestException("no item with id '" + id + "'"));
    }
  }

  /** Streams the items {@code filter} selects to {@code sink}, oldest first. */
  public void export(ItemFilter filter, Consumer<StoredItem> sink) throws ConfigException {
    try (Store store = ctx.openStore()) {
      store.items().forEach(filter, sink);
    }
  }
}
