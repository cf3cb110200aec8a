package org.veille.app;

import java.nio.file.Path;
import java.util.List;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.digest.Digest;
import org.veille.digest.DigestArchive;
import org.veille.digest.DigestBuilder;
import org.veille.digest.DigestRenderer;
import org.veille.digest.Period;
import org.veille.store.Store;

/**
 * The digest of a period: built from the store, rendered in a format, published to {@code
 * data/digests/} with the RSS archive refreshed.
 */
public final class Digests {
  private final Config config;
  private final Context ctx;
  private final DigestRenderer renderer;

  public Digests(Context ctx) throws ConfigException {
    this.ctx = ctx;
    this.config = ctx.config();
    this.renderer = new DigestRenderer(config);
  }

  /** Selects, ranks and groups the items of {@code period}. */
  public Digest build(Period period) throws ConfigException {
    try (Store store = ctx.openStore()) {
      return new DigestBuilder(config, store.items()).build(period);
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
    return archive().publish(digest, renderer);
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
