package org.veille.fetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Hands out work so that each host sees at most one request at a time, with at least {@code
 * perHostDelay} between the end of one and the start of the next, while different hosts proceed in
 * parallel. Workers call {@link #take()} until it returns empty and {@link #release(Object)} after
 * each item. Thread-safe.
 */
public final class PoliteQueue<T> {
  private final Map<String, Deque<T>> pending = new LinkedHashMap<>();
  private final Map<String, Long> notBefore = new HashMap<>();
  private final Set<String> busy = new HashSet<>();
  private final Function<T, String> hostOf;
  private final long delayNanos;
  private boolean closed;

  public PoliteQueue(Iterable<T> items, Function<T, String> hostOf, Duration perHostDelay) {
    this.hostOf = hostOf;
    this.delayNanos = perHostDelay.toNanos();
    for (T item : items) {
      pending.computeIfAbsent(hostOf.apply(item), h -> new ArrayDeque<>()).add(item);
    }
  }

  /**
   * Blocks until an item whose host is free and due is available, and returns it; returns empty
   * when no work is left or the queue was {@linkplain #close() closed}.
   */
  public synchronized Optional<T> take() throws InterruptedException {
    while (true) {
      if (closed || pending.isEmpty()) {
        return Optional.empty();
      }
      long now = System.nanoTime();
      long wait = Long.MAX_VALUE;
      String best = null;
      for (Map.Entry<String, Deque<T>> e : pending.entrySet()) {
        String host = e.getKey();
        if (busy.contains(host)) {
          continue;
        }
        long due = notBefore.getOrDefault(host, now);
        if (due > now) {
          wait = Math.min(wait, due - now);
        } else if (best == null || e.getValue().size() > pending.get(best).size()) {
          best = host; // the host with most work left goes first, so no host is left for last
        }
      }
      if (best != null) {
        Deque<T> items = pending.get(best);
        T item = items.poll();
        if (items.isEmpty()) {
          pending.remove(best);
        }
        busy.add(best);
        return Optional.of(item);
      }
      if (wait == Long.MAX_VALUE) {
        wait();
      } else {
        long ms = Math.max(1, wait / 1_000_000);
        wait(ms);
      }
    }
  }

  /** Marks the host of {@code item} free again, due after the per-host delay. */
  public synchronized void release(T item) {
    String host = hostOf.apply(item);
    busy.remove(host);
    notBefore.put(host, System.nanoTime() + delayNanos);
    notifyAll();
  }

  /** Stops handing out work: every {@link #take()} now returns empty. */
  public synchronized void close() {
    closed = true;
    notifyAll();
  }
}
