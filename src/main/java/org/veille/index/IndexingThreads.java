package org.veille.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Indexing threads behind {@link LuceneIndex#upsert}: the caller hands documents over and goes on
 * (with the crawl, its next source's SQLite transaction) while analysis and inversion run here. A
 * document always goes to the same thread as every other version of it (by its id), so two versions
 * of an item are indexed in the order they were handed over. Each thread's queue is bounded: a
 * caller that runs ahead waits. {@link #drain} waits until everything handed over is in the writer,
 * and reports the first failure.
 */
final class IndexingThreads {
  private static final int QUEUE = 256;

  /** The work of indexing one document. */
  interface Sink {
    void accept(IndexDoc doc) throws IOException;
  }

  private final Sink sink;
  private final List<BlockingQueue<Object>> queues = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private static final Object STOP = new Object();

  IndexingThreads(int count, Sink sink) {
    this.sink = sink;
    for (int i = 0; i < Math.max(1, count); i++) {
      BlockingQueue<Object> q = new ArrayBlockingQueue<>(QUEUE);
      Thread t = new Thread(() -> run(q), "veille-index-" + i);
      t.setDaemon(true);
      queues.add(q);
      threads.add(t);
      t.start();
    }
  }

  private void run(BlockingQueue<Object> q) {
    try {
      for (Object o = q.take(); o != STOP; o = q.take()) {
        if (o instanceof CountDownLatch latch) {
          latch.countDown();
        } else if (failure.get() == null) {
          try {
            sink.accept((IndexDoc) o);
          } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Hands {@code doc} to its thread, waiting while that thread's queue is full. */
  void submit(IndexDoc doc) {
    rethrow();
    put(queues.get(Math.floorMod(doc.id().hashCode(), queues.size())), doc);
  }

  /** Waits until every document handed over so far is in the writer. */
  void drain() {
    CountDownLatch latch = new CountDownLatch(queues.size());
    for (BlockingQueue<Object> q : queues) {
      put(q, latch);
    }
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing", e);
    }
    rethrow();
  }

  /** Drains, then stops the threads. */
  void close() {
    try {
      drain();
    } finally {
      for (BlockingQueue<Object> q : queues) {
        put(q, STOP);
      }
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static void put(BlockingQueue<Object> q, Object o) {
    try {
      q.put(o);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing", e);
    }
  }

  private void rethrow() {
    Throwable f = failure.get(); // kept: every later drain fails too, nothing is committed
    if (f instanceof IOException io) {
      throw new UncheckedIOException("cannot write index", io);
    }
    if (f instanceof RuntimeException re) {
      throw re;
    }
  }
}
