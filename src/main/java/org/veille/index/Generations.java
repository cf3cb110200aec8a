package org.veille.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * The folders of a {@link LuceneIndex}: {@code DIR/gen-N/} each hold an index and the file {@code
 * DIR/CURRENT} names the live one. Naming a generation is an atomic move of that file, so a reader
 * sees the old name or the new, never half of one. No state: every call looks at the disk.
 */
final class Generations {
  static final String CURRENT = "CURRENT";
  static final Pattern GENERATION = Pattern.compile("gen-(\\d{1,9})");

  private Generations() {}

  /** Whether {@code gen} is a folder holding a committed index. */
  static boolean complete(Path gen) {
    if (!Files.isDirectory(gen)) {
      return false;
    }
    try (FSDirectory d = FSDirectory.open(gen)) {
      return DirectoryReader.indexExists(d);
    } catch (IOException e) {
      return false;
    }
  }

  /** The generation numbers of the folders under {@code dir}, newest first. */
  private static List<Integer> numbers(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .map(p -> GENERATION.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .sorted(Comparator.reverseOrder())
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The newest generation under {@code dir} that holds a committed index. */
  static Optional<String> newestComplete(Path dir) {
    return numbers(dir).stream()
        .map(n -> "gen-" + n)
        .filter(g -> complete(dir.resolve(g)))
        .findFirst();
  }

  /** The highest generation number under {@code dir}, 0 when there is none. */
  static int highest(Path dir) {
    return numbers(dir).stream().findFirst().orElse(0);
  }

  /** Names {@code gen} the live generation of {@code dir}, atomically. */
  static void writeCurrent(Path dir, String gen) throws IOException {
    Path tmp = dir.resolve(CURRENT + ".tmp");
    Files.writeString(tmp, gen + "\n", StandardCharsets.US_ASCII);
    Files.move(
        tmp,
        dir.resolve(CURRENT),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes {@code p} and all below it; nothing when it does not exist. */
  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> files = Files.walk(p)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
