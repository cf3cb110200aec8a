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
          onWait.accept("waiting up to " + wait.toSeconds() + " s: " + holder);
          told = true;
        }
        Thread.sleep(200);
      }
    } catch (IOException e) {
      throw new LockedException("cannot take the writer lock " + file + ": " + e.getMessage());
    }
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
