package org.veille.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.veille.config.ConfigException;
import org.veille.store.ArchivedLetter;
import org.veille.store.Delivery;
import org.veille.store.Store;

/**
 * The searchable archive of the letters that went out: which letters there are, one letter exactly
 * as sent with who received it, which letters carried an item, and the whole archive as Markdown.
 */
public final class Archive {
  private final Context ctx;

  public Archive(Context ctx) {
    this.ctx = ctx;
  }

  /** A letter with its ledger: who it went to and how that went, by recipient. */
  public record Shown(ArchivedLetter letter, Map<String, Delivery> recipients) {
    public Shown {
      recipients = Map.copyOf(recipients);
    }

    public long sent() {
      return recipients.values().stream().filter(d -> d.status() == Delivery.Status.SENT).count();
    }
  }

  /** Every letter (its latest version), of {@code audience} or all when null, newest first. */
  public List<Shown> list(String audience) throws ConfigException {
    try (Store store = ctx.openStore()) {
      List<Shown> out = new ArrayList<>();
      for (ArchivedLetter l : store.letters().list(audience)) {
        out.add(new Shown(l, store.ledger().week(l.audience(), l.week())));
      }
      return out;
    }
  }

  /**
   * The letter of {@code week} for {@code audience} (null: the first audience of the config).
   *
   * @throws RequestException when there is none
   */
  public Shown show(String week, String audience) throws ConfigException {
    String a = audience == null ? ctx.config().newsletters().get(0).id() : audience;
    try (Store store = ctx.openStore()) {
      ArchivedLetter l =
          store
              .letters()
              .latest(a, week.trim())
              .orElseThrow(
                  () ->
                      new RequestException(
                          "no letter of "
                              + week
                              + " for newsletter "
                              + a
                              + " in the archive (see 'veille digests list')"));
      return new Shown(l, store.ledger().week(a, l.week()));
    }
  }

  /** For each item id, the letters that carried it out ({@code audience/week}). */
  public Map<String, List<String>> sentIn(Collection<String> ids) throws ConfigException {
    try (Store store = ctx.openStore()) {
      return store.letters().sentIn(ids);
    }
  }

  /**
   * Ids of the items that went out: in any letter ({@code in} null), or in the letters of {@code
   * in}, a week ({@code 2026-W47}) or one letter ({@code main/2026-W47}).
   */
  public Set<String> sentItems(String in) throws ConfigException {
    try (Store store = ctx.openStore()) {
      if (in == null) {
        return store.letters().sentItems(null, null);
      }
      String w = in.trim();
      int slash = w.indexOf('/');
      if (slash > 0) {
        return store.letters().sentItems(w.substring(0, slash), w.substring(slash + 1));
      }
      if (!w.matches("\\d{4}-W\\d{2}")) {
        throw new RequestException(
            "--in takes a week such as 2026-W47, or a letter such as main/2026-W47 (got '"
                + in
                + "')");
      }
      return store.letters().sentItems(null, w);
    }
  }

  /** Every sent letter of {@code audience} (null: all), newest first, as one Markdown document. */
  public String markdown(String audience) throws ConfigException {
    StringBuilder sb = new StringBuilder();
    for (Shown s : list(audience)) {
      if (!s.letter().status().equals("sent")) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      sb.append("<!-- ").append(s.letter().key()).append(" -->\n").append(s.letter().md().strip());
      sb.append('\n');
    }
    return sb.toString();
  }
}
