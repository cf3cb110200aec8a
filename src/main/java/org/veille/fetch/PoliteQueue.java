package org.veille.fetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hands out work so that each host sees at most one request at a time, with at least {@code
 * perHostDelay} between the end of one and the start of the next, while different hosts proceed in
 * parallel. Workers call {@link #take()} until it returns empty and {@link #release(Object)} after
 * each item. Thread-safe.
 */
public final class PoliteQueue<T> {
  private final Map<String, Deque<T>> pending = new LinkedHashMap<>();
  private final Function<T, String> hostOf;
  private final HostGate gate;
  private boolean closed;

  public PoliteQueue(Iterable<T> items, Function<T, String> hostOf, Duration perHostDelay) {
    this(items, hostOf, new HostGate(perHostDelay));
  }

  /** A queue whose hosts share {@code gate}'s slots with other requests of the run. */
  public PoliteQueue(Iterable<T> items, Function<T, String> hostOf, HostGate gate) {
    this.hostOf = hostOf;
    this.gate = gate;
    for (T item : items) {
      pending.computeIfAbsent(hostOf.apply(item), h -> new ArrayDeque<>()).add(item);
    }
  }

  /**
   * Blocks until an item whose host is free and due is available, and returns it; returns empty
   * when no work is left or the queue was {@linkplain #close() closed}.
   */
  public Optional<T> take() throws InterruptedException {
    synchronized (gate) {
      while (true) {
        if (closed || pending.isEmpty()) {
          return Optional.empty();
        }
        long now = System.nanoTime();
        long wait = Long.MAX_VALUE;
        String best = null;
        for (Map.Entry<String, Deque<T>> e : pending.entrySet()) {
          String host = e.getKey();
          if (!gate.free(host)) {
            continue;
          }
          long due = gate.due(host, now);
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
          gate.leave();
          gate.occupy(best);
          return Optional.of(item);
        }
        if (wait == Long.MAX_VALUE) {
          gate.wait();
        } else {
          gate.waitNanos(wait);
        }
      }
    }
  }

  /**
   * Marks the host the calling thread holds free again (the host of {@code item}, or of the last
   * request it made through the gate since), due after the per-host delay. Call it from the thread
   * that took {@code item}.
   */
  public void release(T item) {
    synchronized (gate) {
      gate.leave(); // nothing when the thread already let go of it for another host's request
      gate.notifyAll();
    }
  }

  /** Stops handing out work: every {@link #take()} now returns empty. */
  public void close() {
    synchronized (gate) {
      closed = true;
      gate.notifyAll();
    }
  }
}
