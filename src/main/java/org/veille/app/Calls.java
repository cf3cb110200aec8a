package org.veille.app;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.veille.calls.Call;
import org.veille.config.ConfigException;
import org.veille.store.Store;
import org.veille.store.StoredItem;

/**
 * The calls for projects in the store, sorted by the date an applicant must meet next: the earliest
 * first, then calls with no date found, then rolling calls.
 */
public final class Calls {
  private final Context ctx;

  public Calls(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * A call as listed: the item, and the date it closes as seen {@code today} (its next deadline, or
   * the final one once the first has passed; empty when none was found).
   */
  public record Listed(StoredItem item, Optional<LocalDate> closes) {
    public Call call() {
      return item.call();
    }

    /** True when the date of {@link #closes} is the final date of a staged call. */
    public boolean closesOnFinal() {
      return closes.isPresent() && closes.get().equals(item.call().finalDeadline());
    }
  }

  /**
   * The calls. {@code open}: only those one can still apply to {@code today} (a date not passed, or
   * rolling); {@code closingWithin} (null: no bound): only those whose date falls within that span
   * from today, which implies {@code open}.
   */
  public List<Listed> list(boolean open, Duration closingWithin) throws ConfigException {
    if (closingWithin != null && closingWithin.isNegative()) {
      throw new RequestException("--closing-within takes a span that is not negative");
    }
    LocalDate today = today();
    LocalDate until =
        closingWithin == null
            ? null
            : today.plusDays(Math.max(0, (closingWithin.toHours() + 23) / 24));
    List<StoredItem> calls;
    try (Store store = ctx.openStore()) {
      calls = store.items().calls();
    }
    List<Listed> out = new ArrayList<>();
    for (StoredItem i : calls) {
      Listed l = new Listed(i, closes(i.call(), today));
      boolean passed = l.closes().map(d -> d.isBefore(today)).orElse(false);
      if ((open || until != null) && (passed || (l.closes().isEmpty() && !i.call().rolling()))) {
        continue;
      }
      if (until != null && (l.closes().isEmpty() || l.closes().get().isAfter(until))) {
        continue;
      }
      out.add(l);
    }
    out.sort(ORDER);
    return out;
  }

  /** Today in the configured time zone, by the context's clock. */
  public LocalDate today() throws ConfigException {
    return LocalDate.ofInstant(ctx.clock().instant(), ctx.config().settings().timezone());
  }

  /** The date a call closes as seen on {@code today}: the next deadline not passed, or the last. */
  static Optional<LocalDate> closes(Call c, LocalDate today) {
    if (c.deadline() == null) {
      return Optional.empty();
    }
    if (c.deadline().isBefore(today) && c.finalDeadline() != null) {
      return Optional.of(c.finalDeadline());
    }
    return Optional.of(c.deadline());
  }

  private static int rank(Listed l) {
    return l.closes().isPresent() ? 0 : l.call().rolling() ? 2 : 1;
  }

  static final Comparator<Listed> ORDER =
      Comparator.comparingInt(Calls::rank)
          .thenComparing(l -> l.closes().orElse(LocalDate.MAX))
          .thenComparing(l -> l.call().time() == null ? java.time.LocalTime.MAX : l.call().time())
          .thenComparing(l -> l.item().published(), Comparator.reverseOrder())
          .thenComparing(l -> l.item().id());
}
