package org.veille.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.veille.config.Audience;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.digest.Digest;
import org.veille.digest.DigestBuilder;
import org.veille.digest.DigestRenderer;
import org.veille.digest.Period;
import org.veille.editorial.AudienceFilter;
import org.veille.editorial.Curation;
import org.veille.editorial.Draft;
import org.veille.mail.Letter;
import org.veille.store.ArchivedLetter;
import org.veille.store.Store;

/**
 * An audience's letter of a period, curated: built from the store with the audience's filters, its
 * draft applied (for an ISO week), rendered. The one way every use case gets a letter, so that what
 * the draft shows is what is sent.
 */
final class Letters {
  private Letters() {}

  /** A curated letter with what made it: the audience's config, the draft and the ranking. */
  record Built(
      Audience audience,
      Config config,
      Period period,
      Draft draft,
      Digest ranked,
      Curation.Letter curated) {

    Digest digest() {
      return curated.digest();
    }

    DigestRenderer renderer() {
      return new DigestRenderer(config);
    }

    /** The partners' letter (no note for the editor). */
    Letter partners() {
      return letter(List.of());
    }

    Letter letter(List<String> broken) {
      DigestRenderer r = renderer();
      return new Letter(
          period.name(),
          r.subject(digest()),
          r.render(digest(), DigestRenderer.Format.TEXT, broken),
          r.render(digest(), DigestRenderer.Format.HTML, broken));
    }

    /** The letter as the archive keeps it, in {@code status}. */
    ArchivedLetter archived(String status, Instant now) {
      DigestRenderer r = renderer();
      Digest d = digest();
      List<ArchivedLetter.Item> items = new ArrayList<>();
      int n = 1;
      for (Digest.Item i : d.headlines()) {
        items.add(item(n++, i, "headlines"));
      }
      for (Digest.Section s : d.sections()) {
        for (Digest.Item i : s.items()) {
          items.add(item(n++, i, s.topic()));
        }
      }
      for (Digest.Item i : d.others().items()) {
        items.add(item(n++, i, null));
      }
      return new ArchivedLetter(
          audience.id(),
          period.name(),
          0,
          status,
          r.subject(d),
          draft.edito().orElse(null),
          r.render(d, DigestRenderer.Format.HTML, List.of()),
          r.render(d, DigestRenderer.Format.TEXT, List.of()),
          r.render(d, DigestRenderer.Format.MD, List.of()),
          r.render(d, DigestRenderer.Format.JSON, List.of()),
          now,
          null,
          items);
    }

    private ArchivedLetter.Item item(int position, Digest.Item i, String section) {
      return new ArchivedLetter.Item(
          position,
          i.id(),
          section,
          i.title(),
          i.summary(),
          i.url(),
          curated.overridden().contains(i.id()));
    }
  }

  /** The audience {@code id} of {@code config}, or a clear refusal naming the ones there are. */
  static Audience audience(Config config, String id) {
    String wanted = id == null ? config.newsletters().get(0).id() : id;
    return config
        .audience(wanted)
        .orElseThrow(
            () ->
                new RequestException(
                    "no newsletter '"
                        + wanted
                        + "' in "
                        + config.file()
                        + " (newsletters: "
                        + String.join(
                            ", ", config.newsletters().stream().map(Audience::id).toList())
                        + ")"));
  }

  /** The audiences {@code id} names: all of them when null. */
  static List<Audience> audiences(Config config, String id) {
    return id == null ? config.newsletters() : List.of(audience(config, id));
  }

  static Built build(Config config, Store store, Audience a, Period period) {
    Config ac = config.forAudience(a);
    DigestBuilder builder = new DigestBuilder(ac, store.items());
    Digest ranked = builder.build(period, AudienceFilter.of(a));
    Draft draft =
        period.isoWeek()
            ? store
                .drafts()
                .draft(a.id(), period.name())
                .map(Draft::new)
                .orElse(Draft.empty(a.id(), period.name()))
            : Draft.empty(a.id(), period.name());
    Curation.Letter curated =
        new Curation(ac.topics())
            .apply(ranked, draft, id -> store.items().item(id).map(builder::item));
    return new Built(a, ac, period, draft, ranked, curated);
  }

  /** The period of an ISO week given as text, or the last completed week when null. */
  static Period week(Config config, String week, Instant now) throws ConfigException {
    try {
      return week == null
          ? Period.lastCompletedWeek(now, config.settings().timezone())
          : Period.week(week, config.settings().timezone());
    } catch (IllegalArgumentException e) {
      throw new RequestException(e.getMessage());
    }
  }
}
