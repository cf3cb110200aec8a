package org.veille.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The per-host slots of a run: each host sees at most one request at a time, with at least {@code
 * perHostDelay} between the end of one and the start of the next. A thread holds at most one host
 * at a time: {@link #enter} lets go of the host the thread held before waiting for the next, so
 * that two threads can never wait on each other's host. The crawl's {@link PoliteQueue} hands out
 * sources through the same slots, so that the article pages a source links to wait behind the feeds
 * of their host, and the other way round. Thread-safe.
 */
public final class HostGate {
  private final long delayNanos;
  private final Set<String> busy = new HashSet<>();
  private final Map<String, Long> notBefore = new HashMap<>();
  private final Map<Thread, String> held = new HashMap<>();

  public HostGate(Duration perHostDelay) {
    this.delayNanos = perHostDelay.toNanos();
  }

  /**
   * Waits until {@code host} is free and due, then holds it for the calling thread (letting go of
   * the host it held before, if any). Call {@link #leave()} after the request.
   */
  public synchronized void enter(String host) throws InterruptedException {
    leave();
    while (true) {
      long now = System.nanoTime();
      if (!busy.contains(host)) {
        long due = notBefore.getOrDefault(host, now);
        if (due <= now) {
          occupy(host);
          return;
        }
        waitNanos(due - now);
      } else {
        wait();
      }
    }
  }

  /** Lets go of the host the calling thread holds, if any: it is due again after the delay. */
  public synchronized void leave() {
    String host = held.remove(Thread.currentThread());
    if (host != null) {
      vacate(host);
    }
  }

  // ---- for PoliteQueue, which calls these holding this gate's monitor ----

  /** True when {@code host} is held by no thread. */
  boolean free(String host) {
    return !busy.contains(host);
  }

  /** When {@code host} may be asked again, in {@link System#nanoTime()} terms. */
  long due(String host, long now) {
    return notBefore.getOrDefault(host, now);
  }

  /** Marks {@code host} held by the calling thread. */
  void occupy(String host) {
    busy.add(host);
    held.put(Thread.currentThread(), host);
  }

  /** Frees {@code host}, due after the delay, whichever thread held it. */
  void vacate(String host) {
    if (busy.remove(host)) {
      held.values().remove(host);
    }
    notBefore.put(host, System.nanoTime() + delayNanos);
    notifyAll();
  }

  void waitNanos(long nanos) throws InterruptedException {
    wait(Math.max(1, nanos / 1_000_000));
  }
}
