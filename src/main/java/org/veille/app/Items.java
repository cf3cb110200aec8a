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

  /**
   * An item with the letters that carried it out ({@code audience/week}, oldest first) and the
   * items of its near-duplicate cluster, itself included (empty when it is alone).
   */
  public record Shown(
      StoredItem item, java.util.List<String> sentIn, java.util.List<StoredItem> members) {
    public Shown {
      sentIn = java.util.List.copyOf(sentIn);
      members = java.util.List.copyOf(members);
    }
  }

  /**
   * The item with this id and the letters that carried it.
   *
   * @throws RequestException when there is none
   */
  public Shown shown(String id) throws ConfigException {
    StoredItem item = show(id);
    try (Store store = ctx.openStore()) {
      return new Shown(
          item,
          store
              .letters()
              .sentIn(java.util.List.of(item.id()))
              .getOrDefault(item.id(), java.util.List.of()),
          item.cluster() == null ? java.util.List.of() : store.items().cluster(item.cluster()));
    }
  }

  /** Streams the items {@code filter} selects to {@code sink}, oldest first. */
  public void export(ItemFilter filter, Consumer<StoredItem> sink) throws ConfigException {
    try (Store store = ctx.openStore()) {
      store.items().forEach(filter, sink);
    }
  }
}
