package org.veille.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;

/**
 * {@link Index} on Lucene, in generations under one folder: {@code DIR/gen-N/} holds an index and
 * {@code DIR/CURRENT} names the live one, so that {@link #rebuild} can build a fresh generation
 * while searches go on, then swap it in atomically. A search-only process never opens a writer.
 */
public final class LuceneIndex implements Index {
  private static final String CURRENT = "CURRENT";
  private static final List<String> FACET_DIMS = List.of(Fields.SOURCE, Fields.TOPIC, Fields.LANG);

  /** Hits counted exactly while collecting the top ones; beyond, the count is a separate pass. */
  private static final int EARLY_TERMINATION = 1000;

  private final Path dir;
  private String generation;
  private FSDirectory directory;
  private IndexWriter writer;
  private DirectoryReader reader;
  private final Map<String, StringDocValuesReaderState> facetStates = new LinkedHashMap<>();

  private LuceneIndex(Path dir, String generation) {
    this.dir = dir;
    this.generation = generation;
  }

  /** Opens the index in {@code dir} (which may not exist yet: an empty index). */
  public static LuceneIndex open(Path dir) {
    Path current = dir.resolve(CURRENT);
    try {
      String gen =
          Files.exists(current)
              ? Files.readString(current, StandardCharsets.US_ASCII).strip()
              : "gen-1";
      return new LuceneIndex(dir, gen);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + current, e);
    }
  }

  private Path genPath() {
    return dir.resolve(generation);
  }

  private synchronized FSDirectory directory() throws IOException {
    if (directory == null) {
      Files.createDirectories(genPath());
      directory = FSDirectory.open(genPath());
    }
    return directory;
  }

  private synchronized IndexWriter writer() throws IOException {
    if (writer == null) {
      IndexWriterConfig cfg = new IndexWriterConfig(Analyzers.PER_FIELD).setRAMBufferSizeMB(64);
      writer = new IndexWriter(directory(), cfg);
      if (!Files.exists(dir.resolve(CURRENT))) {
        writer.commit();
        writeCurrent(generation);
      }
    }
    return writer;
  }

  @Override
  public synchronized void upsert(Collection<IndexDoc> docs) {
    try {
      IndexWriter w = writer();
      for (IndexDoc d : docs) {
        w.updateDocument(new Term(Fields.ID, d.id()), Documents.of(d));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write index " + genPath(), e);
    }
  }

  @Override
  public synchronized void commit() {
    try {
      if (writer != null) {
        writer.commit();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit index " + genPath(), e);
    }
  }

  /**
   * Builds a new generation from the documents {@code docs} pushes, with {@code threads} indexing
   * threads, then makes it the live one and deletes the old. Searches use the old generation until
   * the swap.
   */
  @Override
  public void rebuild(
      java.util.function.Consumer<java.util.function.Consumer<IndexDoc>> docs,
      int threads,
      Runnable onDoc) {
    String next = "gen-" + (Integer.parseInt(generation.substring(4)) + 1);
    Path nextPath = dir.resolve(next);
    try {
      deleteTree(nextPath);
      Files.createDirectories(nextPath);
      // A bulk build: large flushes, no compound files, and no merging while documents pour in
      // (on two cores merges would steal the indexing threads' time); later writes merge as usual.
      IndexWriterConfig cfg =
          new IndexWriterConfig(Analyzers.PER_FIELD)
              .setRAMBufferSizeMB(128)
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
              .setUseCompoundFile(false)
              .setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE);
      try (FSDirectory d = FSDirectory.open(nextPath);
          IndexWriter w = new IndexWriter(d, cfg)) {
        new ParallelFeeder(threads)
            .feed(
                docs,
                doc -> {
                  w.addDocument(Documents.of(doc));
                  onDoc.run();
                });
        w.commit();
      }
      synchronized (this) {
        closeQuietly();
        String old = generation;
        writeCurrent(next);
        generation = next;
        deleteTree(dir.resolve(old));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild index in " + nextPath, e);
    }
  }

  private void writeCurrent(String gen) throws IOException {
    Path tmp = dir.resolve(CURRENT + ".tmp");
    Files.writeString(tmp, gen + "\n", StandardCharsets.US_ASCII);
    Files.move(
        tmp,
        dir.resolve(CURRENT),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> files = Files.walk(p)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  /** The searcher on the last commit, reopened if a newer commit exists; null without an index. */
  private synchronized IndexSearcher searcher() throws IOException {
    if (reader == null) {
      if (!Files.exists(dir.resolve(CURRENT)) || !DirectoryReader.indexExists(directory())) {
        return null;
      }
      reader = DirectoryReader.open(directory());
    } else {
      DirectoryReader newer = DirectoryReader.openIfChanged(reader);
      if (newer != null) {
        reader.close();
        reader = newer;
        facetStates.clear();
      }
    }
    return new IndexSearcher(reader);
  }

  @Override
  public SearchResult search(SearchRequest r, SnippetSource texts) throws QuerySyntaxException {
    Query userQuery = UserQueryParser.toQuery(r.query());
    try {
      IndexSearcher s = searcher();
      if (s == null) {
        return new SearchResult(0, List.of(), Map.of());
      }
      return new Searches(s, this::facetState).run(userQuery, r, texts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search index " + genPath(), e);
    }
  }

  /** The facet state of a dimension on the current reader, made once per reader. */
  private synchronized StringDocValuesReaderState facetState(IndexSearcher s, String dim)
      throws IOException {
    StringDocValuesReaderState state = facetStates.get(dim);
    if (state == null) {
      state = new StringDocValuesReaderState(s.getIndexReader(), dim);
      facetStates.put(dim, state);
    }
    return state;
  }

  @Override
  public Set<String> matchingIds(String query) throws QuerySyntaxException {
    Query q = UserQueryParser.toQuery(query);
    try {
      IndexSearcher s = searcher();
      Set<String> ids = new HashSet<>();
      if (s == null) {
        return ids;
      }
      var stored = s.storedFields();
      TopDocs all =
          s.search(
              q,
              new TopScoreDocCollectorManager(
                  Math.max(1, s.getIndexReader().maxDoc()), null, Integer.MAX_VALUE));
      for (ScoreDoc sd : all.scoreDocs) {
        ids.add(stored.document(sd.doc, Set.of(Fields.ID)).get(Fields.ID));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search index " + genPath(), e);
    }
  }

  @Override
  public long size() {
    try {
      IndexSearcher s = searcher();
      return s == null ? 0 : s.getIndexReader().numDocs();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long bytes() {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private void closeQuietly() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
    if (reader != null) {
      reader.close();
      reader = null;
    }
    facetStates.clear();
    if (directory != null) {
      directory.close();
      directory = null;
    }
  }

  @Override
  public synchronized void close() {
    try {
      closeQuietly();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close index " + genPath(), e);
    }
  }
}
