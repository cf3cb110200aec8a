package org.veille.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/** Hands documents, pushed on the calling thread, to several indexing threads. */
final class ParallelFeeder {
  private static final IndexDoc END =
      new IndexDoc("", "", "", "", null, List.of(), List.of(), java.time.Instant.EPOCH);

  /** The work of indexing one document. */
  interface Sink {
    void accept(IndexDoc doc) throws IOException;
  }

  private final int threads;

  ParallelFeeder(int threads) {
    this.threads = Math.max(1, threads);
  }

  void feed(java.util.function.Consumer<java.util.function.Consumer<IndexDoc>> docs, Sink sink)
      throws IOException {
    BlockingQueue<IndexDoc> queue = new ArrayBlockingQueue<>(4096);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  for (IndexDoc d = queue.take(); d != END; d = queue.take()) {
                    if (failure.get() == null) {
                      sink.accept(d);
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (IOException | RuntimeException e) {
                  failure.compareAndSet(null, e);
                  queue.clear();
                }
              },
              "veille-index-" + i);
      t.start();
      workers.add(t);
    }
    try {
      docs.accept(
          d -> {
            try {
              while (failure.get() == null
                  && !queue.offer(d, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // wait for room
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted", e);
            }
          });
    } finally {
      for (int i = 0; i < threads; i++) {
        try {
          queue.put(END);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      for (Thread t : workers) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    Throwable f = failure.get();
    if (f instanceof IOException io) {
      throw io;
    }
    if (f instanceof RuntimeException re) {
      throw re;
    }
  }
}
