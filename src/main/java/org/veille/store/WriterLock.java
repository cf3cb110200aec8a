package org.veille.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * The one-writer-per-data-folder lock: an OS file lock on {@code DATA_DIR/veille.lock}, holding the
 * owner's pid. Released on {@link #close()} or when the process dies, so a killed crawl never
 * leaves a stale lock.
 */
public final class WriterLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private WriterLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock, waiting up to {@code wait} for another writer to finish.
   *
   * @throws LockedException when another process still holds it; the message names the folder and
   *     the other process's pid
   */
  public static WriterLock acquire(Path dataDir, Duration wait)
      throws LockedException, InterruptedException {
    return acquire(dataDir, wait, why -> {});
  }

  /** As {@link #acquire(Path, Duration)}, telling {@code onWait} once why it has to wait. */
  public static WriterLock acquire(
      Path dataDir, Duration wait, java.util.function.Consumer<String> onWait)
      throws LockedException, InterruptedException {
    Path file = dataDir.resolve("veille.lock");
    boolean told = false;
    try {
      Files.createDirectories(dataDir);
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long deadline = System.nanoTime() + wait.toNanos();
      while (true) {
        FileLock l;
        try {
          l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          l = null;
        }
        if (l != null) {
          ch.truncate(0);
          ch.write(
              ByteBuffer.wrap(
                  String.valueOf(ProcessHandle.current().pid())
                      .getBytes(StandardCharsets.US_ASCII)),
              0);
          ch.force(false);
          return new WriterLock(ch, l);
        }
        String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
        String holder =
            "another veille process is writing to "
                + dataDir
                + (pid.isEmpty() ? "" : " (pid " + pid + ")");
        if (System.nanoTime() >= deadline) {
          ch.close();
          throw new LockedException(holder);
        }
        if (!told) {
          onWait.accept("waiting up to " + org.veille.config.Durations.words(wait) + ": " + holder);
          told = true;
        }
        Thread.sleep(200);
      }
    } catch (IOException e) {
      throw new LockedException("cannot take the writer lock " + file + ": " + why(e, dataDir));
    }
  }

  /**
   * Who holds the data folder's writer lock now, without taking it or creating anything: the
   * holder's pid (empty when unknown), or nothing when no process writes.
   */
  public static Optional<String> holder(Path dataDir) {
    Path file = dataDir.resolve("veille.lock");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      FileLock probe;
      try {
        probe = ch.tryLock(0, Long.MAX_VALUE, true);
      } catch (OverlappingFileLockException e) {
        probe = null; // this process holds it
      }
      if (probe != null) {
        probe.release();
        return Optional.empty();
      }
      return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Why the lock file cannot be opened, in words: permission denied, read-only, not a folder. */
  static String why(IOException e, Path dataDir) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied (run as the user who owns "
          + dataDir
          + ", e.g. sudo -u veille, or give --data a folder you can write)";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    }
  }

  /** Another process holds the writer lock, or the lock file cannot be used. */
  public static final class LockedException extends Exception {
    private static final long serialVersionUID = 1L;

    public LockedException(String message) {
      super(message);
    }
  }
}
