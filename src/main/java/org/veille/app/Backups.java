package org.veille.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.veille.config.ConfigException;
import org.veille.config.SourceConfig;
import org.veille.config.SourceConfig.SourceType;
import org.veille.enrich.Enricher;
import org.veille.index.Index;
import org.veille.parse.ParsedItem;
import org.veille.store.EnrichedItem;
import org.veille.store.SaveResult;
import org.veille.store.Snapshot;
import org.veille.store.Store;
import org.veille.store.WriterLock;
import org.veille.sync.IndexSync;

/**
 * Backup, restore and import: a snapshot of the whole store while crawls may run, a store put back
 * from one into an empty data folder (the index rebuilt from it), and the items of an export merged
 * into a store as a crawl would merge them.
 */
public final class Backups {
  /** Items written per transaction by an import. */
  private static final int IMPORT_BATCH = 500;

  private final Context ctx;

  public Backups(Context ctx) {
    this.ctx = ctx;
  }

  /** A snapshot of the store in {@code target}, which must not exist. */
  public Snapshot backup(Path target) throws ConfigException {
    try (Store store = ctx.openStore()) {
      return store.backup(target);
    }
  }

  /**
   * A backup in {@code folder} named by the time, then the oldest beyond {@code keep} deleted (the
   * daemon's scheduled backup).
   */
  public Snapshot backupAndRotate(Path folder, int keep) throws ConfigException {
    String stamp =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(java.time.ZoneOffset.UTC)
            .format(ctx.now());
    Snapshot made = backup(folder.resolve("veille-" + stamp + ".db"));
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> old =
          files
              .filter(p -> p.getFileName().toString().matches("veille-\\d{8}T\\d{6}Z\\.db"))
              .sorted(Comparator.comparing(Path::getFileName).reversed())
              .skip(keep)
              .toList();
      for (Path p : old) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rotate the backups in " + folder, e);
    }
    return made;
  }

  /** What a restore did. */
  public record Restored(Snapshot snapshot, Path dataDir, long indexed, double seconds) {}

  /**
   * Restores the backup {@code file} into the context's data folder, which must hold no store
   * unless {@code force}: then its store and index are set aside, not deleted.
   *
   * @throws RequestException when the folder is not empty and {@code force} is not given
   */
  public Restored restore(Path file, boolean force)
      throws ConfigException, WriterLock.LockedException, InterruptedException {
    long t0 = System.nanoTime();
    Path data = ctx.dataDir();
    Snapshot checked = ctx.backends().inspectBackup(file); // before anything is touched
    List<String> present = contents(data);
    if (!present.isEmpty() && !force) {
      throw new RequestException(
          data
              + " is not empty ("
              + String.join(", ", present.subList(0, Math.min(5, present.size())))
              + (present.size() > 5 ? ", …" : "")
              + "); restore into an empty data folder, or add --force to set its store and index"
              + " aside and restore in their place");
    }
    try (WriterLock lock = WriterLock.acquire(data, Duration.ofSeconds(5))) {
      if (!present.isEmpty()) {
        setAside(data);
      }
      ctx.backends().restoreBackup(file, data);
      try (Store store = ctx.backends().openStore(data);
          Index index = ctx.backends().openIndex(data)) {
        store.check();
        IndexSync sync = new IndexSync(store, index, ctx.config().topics());
        sync.rebuild(n -> {});
        return new Restored(checked, data, index.size(), (System.nanoTime() - t0) / 1e9);
      }
    }
  }

  /** What a data folder holds that a restore would replace (the lock file aside). */
  private static List<String> contents(Path data) {
    if (!Files.isDirectory(data)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(data)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("veille.lock"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + data, e);
    }
  }

  /** Moves the store and the index of {@code data} into {@code data/replaced-TIME/}. */
  private void setAside(Path data) {
    Path aside =
        data.resolve("replaced-" + ctx.now().toString().replace(":", "").replaceAll("\\.\\d+", ""));
    try {
      Files.createDirectories(aside);
      for (String name : List.of("veille.db", "veille.db-wal", "veille.db-shm", "index")) {
        Path p = data.resolve(name);
        if (Files.exists(p)) {
          Files.move(p, aside.resolve(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set the old store aside in " + aside, e);
    }
  }

  /** A line of an export that could not be imported. */
  public record Rejected(int line, String problem) {}

  /** What an import did. */
  public record Imported(int lines, int added, int updated, List<Rejected> rejected) {
    public Imported {
      rejected = List.copyOf(rejected);
    }
  }

  /**
   * Merges the items of the JSON-lines export {@code file} into the store: an item already stored
   * (same guid from the same source, or same canonical URL) is updated, not duplicated. A line that
   * is not an item is named with its number and skipped; the others are imported.
   */
  public Imported importExport(Path file, Duration lockWait, Consumer<String> onWait)
      throws ConfigException, WriterLock.LockedException, InterruptedException {
    if (!Files.isRegularFile(file)) {
      throw new RequestException("no export file " + file);
    }
    JsonFactory json = new JsonFactory();
    List<Rejected> rejected = new ArrayList<>();
    int lines = 0;
    int added = 0;
    int updated = 0;
    try (WriterLock lock = ctx.lock(lockWait, onWait);
        Store store = ctx.openStoreToWrite();
        Index index = ctx.openIndex();
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      IndexSync sync = new IndexSync(store, index, ctx.config().topics());
      // as a crawl would: topics, places, calls and signatures derived from the text; no article
      // is fetched (the export carries the text the crawl settled on)
      Enricher chain = ctx.backends().enricher(ctx.config());
      Map<String, List<EnrichedItem>> batch = new LinkedHashMap<>();
      int inBatch = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines++;
        if (line.isBlank()) {
          continue;
        }
        try {
          Map<String, Object> n = fields(json, line);
          String source = text(n, "source");
          if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("no \"source\"");
          }
          batch.computeIfAbsent(source, s -> new ArrayList<>()).add(item(n));
          inBatch++;
        } catch (JsonParseException e) {
          rejected.add(new Rejected(lines, "not JSON: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException | DateTimeParseException | URISyntaxException e) {
          rejected.add(new Rejected(lines, e.getMessage()));
        }
        if (inBatch >= IMPORT_BATCH) {
          int[] r = save(store, sync, chain, batch);
          added += r[0];
          updated += r[1];
          batch.clear();
          inBatch = 0;
        }
      }
      int[] r = save(store, sync, chain, batch);
      store.settleClusterKeys();
      return new Imported(lines, added + r[0], updated + r[1], rejected);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private int[] save(
      Store store, IndexSync sync, Enricher chain, Map<String, List<EnrichedItem>> batch)
      throws ConfigException, InterruptedException {
    int added = 0;
    int updated = 0;
    for (Map.Entry<String, List<EnrichedItem>> e : batch.entrySet()) {
      List<EnrichedItem> items = chain.enrich(sourceOf(e.getKey()), e.getValue());
      SaveResult saved = store.importItems(e.getKey(), items, ctx.now());
      sync.add(saved.changedIds());
      added += saved.newItems();
      updated += saved.updatedItems();
    }
    sync.commit();
    return new int[] {added, updated};
  }

  /** The configured source of that id, or one of no particular kind for a source not in it. */
  private SourceConfig sourceOf(String id) throws ConfigException {
    return ctx.config()
        .source(id)
        .orElseGet(
            () ->
                new SourceConfig(
                    id,
                    id,
                    URI.create("imported:" + id),
                    SourceType.FEED,
                    null,
                    List.of(),
                    false,
                    1.0,
                    null,
                    0));
  }

  /**
   * The top-level fields of one JSON object: scalars as text (null for null), arrays as lists of
   * text; nested objects are left out (no field of an item is one).
   */
  private static Map<String, Object> fields(JsonFactory json, String line) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (JsonParser p = json.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          List<String> values = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken().isStructStart()) {
              p.skipChildren();
            } else {
              values.add(p.getText());
            }
          }
          out.put(name, values);
        } else if (t == JsonToken.START_OBJECT) {
          p.skipChildren();
        } else {
          out.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IllegalArgumentException("not one JSON object");
      }
    }
    return out;
  }

  /** An item of an export line (DESIGN §3: the fields of {@code show --format json}). */
  private static EnrichedItem item(Map<String, Object> n) throws URISyntaxException {
    String title = text(n, "title");
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("no \"title\"");
    }
    String url = text(n, "url");
    ParsedItem parsed =
        new ParsedItem(
            text(n, "guid"),
            url == null || url.isBlank() ? null : new URI(url),
            title,
            orEmpty(text(n, "summary")),
            orEmpty(text(n, "content")),
            orEmpty(text(n, "content_html")),
            text(n, "author"),
            instant(n, "published"),
            instant(n, "updated"),
            strings(n, "categories"),
            orEmpty(text(n, "lang")));
    return new EnrichedItem(parsed, strings(n, "topics"));
  }

  private static String text(Map<String, Object> n, String field) {
    Object v = n.get(field);
    if (v instanceof List<?>) {
      throw new IllegalArgumentException("\"" + field + "\" is a list, not a value");
    }
    return (String) v;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Instant instant(Map<String, Object> n, String field) {
    String v = text(n, field);
    return v == null || v.isBlank() ? null : Instant.parse(v);
  }

  private static List<String> strings(Map<String, Object> n, String field) {
    Object v = n.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw new IllegalArgumentException("\"" + field + "\" is not a list");
    }
    return list.stream().map(String::valueOf).toList();
  }
}
