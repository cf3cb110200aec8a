package org.veille.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Why the writer lock cannot be opened, in words. (Permission denied is judged on the exception:
 * the tests run as root, whom file modes do not stop.)
 */
class WriterLockTest {
  private final Path data = Path.of("/var/lib/veille");

  @Test
  void permissionDeniedNamesTheFolderAndTheWayOut() {
    String why = WriterLock.why(new AccessDeniedException("/var/lib/veille/veille.lock"), data);
    assertTrue(why.startsWith("permission denied"), why);
    assertTrue(why.contains("/var/lib/veille") && why.contains("sudo -u veille"), why);
  }

  @Test
  void otherFileSystemErrorsGiveTheirReason() {
    assertEquals(
        "read-only file system",
        WriterLock.why(
            new FileSystemException("/var/lib/veille/veille.lock", null, "Read-only file system"),
            data));
  }
}
