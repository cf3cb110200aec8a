package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.veille.config.SourceConfig;
import org.veille.store.SourceStatus;
import picocli.CommandLine.Command;

/**
 * {@code veille sources}: health, config check and probe, OPML in and out; one class a subcommand
 * ({@code SourcesList}, {@code SourcesShow}, {@code SourcesCheck}, {@code SourcesImportOpml},
 * {@code SourcesExportOpml}), and here what {@code list} and {@code show} print alike.
 */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = "Source health; config check and probe; OPML in and out.",
    subcommands = {
      SourcesList.class,
      SourcesShow.class,
      SourcesCheck.class,
      SourcesImportOpml.class,
      SourcesExportOpml.class
    })
final class SourcesCommand extends CommandGroup {

  /**
   * The JSON fields of a source's config and last fetch, from its type to its item count; {@code s}
   * null when it was never fetched.
   */
  static void fetchFields(JsonGenerator g, SourceConfig c, SourceStatus s) throws IOException {
    g.writeStringField("type", c.type().label());
    g.writeStringField("url", c.url().toString());
    g.writeBooleanField("enabled", c.enabled());
    g.writeStringField("last_fetch", s == null ? null : Times.iso(s.lastFetchAt()));
    g.writeStringField("last_status", s == null ? null : s.lastStatus());
    g.writeStringField("last_error", s == null ? null : s.lastError());
    g.writeNumberField("items", s == null ? 0 : s.items());
  }

  /** The article fetches of a source, apart from its feed's health: "12 fetched, 2 failed". */
  static String articles(SourceStatus.Articles a) {
    if (a.fetched() == 0 && a.failed() == 0) {
      return "-";
    }
    return a.fetched() + " fetched" + (a.failed() == 0 ? "" : ", " + a.failed() + " failed");
  }

  static void articleFields(JsonGenerator g, SourceStatus.Articles a) throws IOException {
    g.writeNumberField("articles_fetched", a.fetched());
    g.writeNumberField("article_failures", a.failed());
    g.writeStringField("last_article_error", a.lastFailure());
  }

  /** The feed fields of a source in JSON: what the feed says of itself and the parser's notes. */
  static void feedFields(JsonGenerator g, SourceStatus.FeedInfo f) throws IOException {
    g.writeStringField("feed_title", f.title());
    g.writeStringField("feed_link", f.link());
    g.writeStringField("feed_language", f.language());
    g.writeBooleanField("truncated", f.truncated());
    g.writeArrayFieldStart("notes");
    for (String n : f.notes()) {
      g.writeString(n);
    }
    g.writeEndArray();
  }
}
