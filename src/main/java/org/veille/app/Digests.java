package org.veille.app;

import java.nio.file.Path;
import java.util.List;
import org.veille.config.Audience;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.digest.Digest;
import org.veille.digest.DigestArchive;
import org.veille.digest.DigestRenderer;
import org.veille.digest.Period;
import org.veille.store.Store;

/**
 * The digest of a period for one audience, curated as its draft says (for an ISO week): built from
 * the store, rendered in a format, published to {@code data/digests/} with the RSS archive
 * refreshed. It is the letter a send would send.
 */
public final class Digests {
  private final Config config;
  private final Context ctx;
  private final Audience audience;
  private final DigestRenderer renderer;

  /** The digests of the first audience ({@code main} unless feeds.yaml says otherwise). */
  public Digests(Context ctx) throws ConfigException {
    this(ctx, null);
  }

  /** The digests of the audience {@code audienceId} (null: the first). */
  public Digests(Context ctx, String audienceId) throws ConfigException {
    this.ctx = ctx;
    this.audience = Letters.audience(ctx.config(), audienceId);
    this.config = ctx.config().forAudience(audience);
    this.renderer = new DigestRenderer(config);
  }

  /** Selects, ranks and groups the items of {@code period}, then applies the week's draft. */
  public Digest build(Period period) throws ConfigException {
    try (Store store = ctx.openStore()) {
      return Letters.build(ctx.config(), store, audience, period).digest();
    }
  }

  /** The digest in one format (no broken-sources note: that is for the editor's letter only). */
  public String render(Digest digest, DigestRenderer.Format format) {
    return renderer.render(digest, format, List.of());
  }

  public String subject(Digest digest) {
    return renderer.subject(digest);
  }

  /** Writes every format of {@code digest} and refreshes the archive; returns the files written. */
  public List<Path> publish(Digest digest) throws ConfigException {
    return archive().publish(digest, renderer, name(digest.period()));
  }

  /** The name of the published files: the period, with the audience unless it is main. */
  public String name(Period period) {
    return Newsletter.publishedName(audience, period);
  }

  /** The RSS archive of the digests published so far. */
  public String feed() throws ConfigException {
    return archive().feed();
  }

  /** The folder digests are published to. */
  public Path dir() throws ConfigException {
    return archive().dir();
  }

  private DigestArchive archive() throws ConfigException {
    return new DigestArchive(ctx.dataDir().resolve("digests"), config);
  }
}
