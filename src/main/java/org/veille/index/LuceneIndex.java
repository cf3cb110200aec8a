package org.veille.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Index} on Lucene, in generations under one folder: {@code DIR/gen-N/} holds an index and
 * {@code DIR/CURRENT} names the live one, so that {@link #rebuild} can build a fresh generation
 * while searches go on, then swap it in atomically. A search-only process never opens a writer.
 */
public final class LuceneIndex implements Index {
  private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

  private final Path dir;
  private String generation;

  /** Whether {@code CURRENT} names {@link #generation}; a writer makes it so. */
  private boolean named;

  private FSDirectory directory;
  private IndexWriter writer;
  private IndexingThreads indexing;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private boolean committed;
  private long nextCheck;

  /** How long a reader is used before looking for another process's newer commit. */
  private static final long RECHECK_NANOS = 1_000_000_000L;

  private final Map<String, StringDocValuesReaderState> facetStates = new LinkedHashMap<>();

  private LuceneIndex(Path dir, String generation, boolean named) {
    this.dir = dir;
    this.generation = generation;
    this.named = named;
  }

  /**
   * Opens the index in {@code dir} (which may not exist yet: an empty index). When {@code CURRENT}
   * is missing or does not name a complete generation (emptied, edited, or left by a crash), the
   * newest complete generation is used, and a writer names it in {@code CURRENT} again.
   */
  public static LuceneIndex open(Path dir) {
    Path current = dir.resolve(Generations.CURRENT);
    String named = null;
    try {
      if (Files.exists(current)) {
        named = Files.readString(current, StandardCharsets.US_ASCII).strip();
      }
    } catch (IOException e) {
      log.warn("cannot read {} ({}); looking for the newest generation", current, e.getMessage());
    }
    if (named != null
        && Generations.GENERATION.matcher(named).matches()
        && Generations.complete(dir.resolve(named))) {
      return new LuceneIndex(dir, named, true);
    }
    String fallback = Generations.newestComplete(dir).orElse(null);
    if (named != null) {
      log.warn(
          "{} names '{}', which is not a complete index generation; using {}",
          current,
          named,
          fallback == null ? "a new one" : fallback);
    }
    if (fallback != null) {
      return new LuceneIndex(dir, fallback, false);
    }
    return new LuceneIndex(dir, "gen-" + (Generations.highest(dir) + 1), false);
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
      if (!named) {
        writer.commit();
        Generations.writeCurrent(dir, generation);
        named = true;
      }
    }
    return writer;
  }

  /**
   * Hands the documents to the indexing threads and returns; they are in the writer by the next
   * {@link #commit}, which reports any failure.
   */
  @Override
  public void upsert(Collection<IndexDoc> docs) {
    IndexingThreads threads = indexing();
    for (IndexDoc d : docs) {
      threads.submit(d);
    }
  }

  private synchronized IndexingThreads indexing() {
    if (indexing == null) {
      try {
        IndexWriter w = writer();
        indexing =
            new IndexingThreads(
                Runtime.getRuntime().availableProcessors(),
                d -> w.updateDocument(new Term(Fields.ID, d.id()), Documents.of(d)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write index " + genPath(), e);
      }
    }
    return indexing;
  }

  @Override
  public synchronized void commit() {
    try {
      if (indexing != null) {
        indexing.drain();
      }
      if (writer != null) {
        writer.commit();
        committed = true;
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
    // past every folder there is and the live generation (which may not have a folder yet)
    int live = Integer.parseInt(generation.substring("gen-".length()));
    String next = "gen-" + (Math.max(Generations.highest(dir), live) + 1);
    Path nextPath = dir.resolve(next);
    try {
      Generations.deleteTree(nextPath);
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
        Generations.writeCurrent(dir, next);
        generation = next;
        named = true;
        Generations.deleteTree(dir.resolve(old));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild index in " + nextPath, e);
    }
  }

  /**
   * The searcher on the last commit, reopened if a newer commit exists; null without an index. This
   * instance's own commits are seen at once; another process's within {@link #RECHECK_NANOS}
   * (looking for a newer commit lists the folder, a fifth of a short query's time).
   */
  private synchronized IndexSearcher searcher() throws IOException {
    if (reader == null) {
      if (!Files.isDirectory(genPath()) || !DirectoryReader.indexExists(directory())) {
        return null;
      }
      reader = DirectoryReader.open(directory());
      nextCheck = System.nanoTime() + RECHECK_NANOS;
      searcher = new IndexSearcher(reader);
    } else if (committed || System.nanoTime() - nextCheck > 0) {
      committed = false;
      nextCheck = System.nanoTime() + RECHECK_NANOS;
      DirectoryReader newer = DirectoryReader.openIfChanged(reader);
      if (newer != null) {
        reader.close();
        reader = newer;
        searcher = new IndexSearcher(reader);
        facetStates.clear();
      }
    }
    return searcher;
  }

  @Override
  public SearchResult search(SearchRequest r, SnippetSource texts) throws QuerySyntaxException {
    UserQueryParser.Parsed parsed = UserQueryParser.toSearch(r.query());
    try {
      IndexSearcher s = searcher();
      if (s == null) {
        return new SearchResult(0, List.of(), Map.of(), parsed.notes());
      }
      return new Searches(s, this::facetState)
          .run(parsed.query(), r, texts)
          .withNotes(parsed.notes());
    } catch (IOException e) {
      throw readFailure(e);
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
      if (s == null) {
        return new HashSet<>();
      }
      return new Searches(s, this::facetState).ids(q);
    } catch (IOException e) {
      throw readFailure(e);
    }
  }

  @Override
  public long size() {
    try {
      IndexSearcher s = searcher();
      return s == null ? 0 : s.getIndexReader().numDocs();
    } catch (IOException e) {
      throw readFailure(e);
    }
  }

  /**
   * A failure to read the index: damage (Lucene's own verdict, or files gone under a reader) is
   * named as such with the way out; anything else is an I/O error on the folder.
   */
  private RuntimeException readFailure(IOException e) {
    if (e instanceof CorruptIndexException
        || e instanceof IndexFormatTooOldException
        || e instanceof IndexFormatTooNewException
        || e instanceof NoSuchFileException
        || e instanceof java.io.EOFException) {
      return new IndexDamagedException(genPath(), e);
    }
    return new UncheckedIOException("cannot read index " + genPath(), e);
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
    RuntimeException failed = null;
    if (indexing != null) {
      IndexingThreads threads = indexing;
      indexing = null;
      try {
        threads.close();
      } catch (RuntimeException e) {
        failed = e; // the writer is closed all the same; the store still marks them unindexed
      }
    }
    if (writer != null) {
      writer.close();
      writer = null;
    }
    if (reader != null) {
      reader.close();
      reader = null;
      searcher = null;
    }
    facetStates.clear();
    if (directory != null) {
      directory.close();
      directory = null;
    }
    if (failed != null) {
      throw failed;
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
