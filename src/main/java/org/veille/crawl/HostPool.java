package org.veille.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.veille.fetch.HostGate;
import org.veille.fetch.PoliteQueue;

/**
 * Runs jobs on a pool of workers, hosts in parallel and one job at a time per host, and hands the
 * results to a consumer on the calling thread (so that results can be written by one thread): all
 * those that are ready at once, so that a consumer slower than the workers writes several together.
 * At most as many results as there are workers wait for the consumer: a worker whose result finds
 * no room waits, so that memory grows with the concurrency, not with the number of jobs.
 */
final class HostPool<J, R> {
  /** The work of one job; may block on I/O. */
  interface Work<J, R> {
    R apply(J job) throws InterruptedException;
  }

  private final Function<J, String> host;
  private final HostGate gate;
  private final int concurrency;
  private volatile PoliteQueue<J> queue;

  HostPool(Function<J, String> host, Duration perHostDelay, int concurrency) {
    this(host, new HostGate(perHostDelay), concurrency);
  }

  /** A pool whose jobs take their hosts' slots in {@code gate}, shared with other requests. */
  HostPool(Function<J, String> host, HostGate gate, int concurrency) {
    this.host = host;
    this.gate = gate;
    this.concurrency = concurrency;
  }

  /**
   * Runs {@code work} on every job; a job that fails in any way (an exception, or an error such as
   * a stack overflow) becomes {@code onError}'s result, and its worker goes on with the next job.
   * Returns when every started job's result was consumed. {@code sink} gets the results ready at
   * the time, never an empty list.
   */
  void run(
      List<J> jobs, Work<J, R> work, BiFunction<J, Throwable, R> onError, Consumer<List<R>> sink)
      throws InterruptedException {
    PoliteQueue<J> q = new PoliteQueue<>(jobs, host, gate);
    queue = q;
    int workers = Math.max(1, Math.min(concurrency, jobs.size()));
    BlockingQueue<R> done = new ArrayBlockingQueue<>(workers);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "veille-fetch");
              t.setDaemon(true);
              return t;
            });
    AtomicInteger running = new AtomicInteger(workers);
    for (int i = 0; i < workers; i++) {
      pool.execute(
          () -> {
            try {
              for (var next = q.take(); next.isPresent(); next = q.take()) {
                J job = next.get();
                R result;
                try {
                  result = work.apply(job);
                } catch (InterruptedException e) {
                  throw e;
                } catch (Throwable e) { // one job's failure of any kind is its source's failure
                  result = onError.apply(job, e);
                } finally {
                  q.release(job);
                }
                done.put(result);
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              running.decrementAndGet();
            }
          });
    }
    try {
      int received = 0;
      while (received < jobs.size()) {
        R r = done.poll(100, TimeUnit.MILLISECONDS);
        if (r != null) {
          List<R> ready = new ArrayList<>(workers);
          ready.add(r);
          done.drainTo(ready, workers - 1);
          received += ready.size();
          sink.accept(ready);
        } else if (running.get() == 0 && done.isEmpty()) {
          break; // stopped early: the remaining jobs were never started
        }
      }
    } finally {
      q.close();
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Starts no new job; jobs in flight finish and are consumed. */
  void stop() {
    PoliteQueue<J> q = queue;
    if (q != null) {
      q.close();
    }
  }
}
