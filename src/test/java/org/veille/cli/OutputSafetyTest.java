package org.veille.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.Cli;
import org.veille.support.TestServer;

/** Feed text that looks like markup stays text in every output format. */
class OutputSafetyTest {
  private final TestServer server = new TestServer();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli crawled() {
    return Cli.crawled(dir, server, "ville", "/hostile/markup-titles.xml");
  }

  @Test
  void markdownSearchResultsEscapeTitlesAndSnippets() {
    Cli cli = crawled();
    Cli.Result md = cli.run("search", "budget participatif", "--format", "md");
    assertEquals(0, md.code(), md.toString());
    String out = md.out();
    assertTrue(out.startsWith("3 results for `budget participatif`"), out);
    // no raw tag: every < is escaped, so a Markdown renderer prints it as text
    assertFalse(Pattern.compile("(?<!\\\\)<(script|img)").matcher(out).find(), out);
    assertTrue(out.contains("\\<script\\>"), out);
    // no link but the item's own: the title's "](javascript:" cannot close a link
    assertFalse(Pattern.compile("(?<!\\\\)\\]\\(javascript").matcher(out).find(), out);
    assertEquals(
        3,
        Pattern.compile("\\]\\(https://www\\.ville-exemple\\.fr/").matcher(out).results().count());
    assertTrue(out.contains("\\*\\*important\\*\\*"), "emphasis in a title stays literal: " + out);
    assertTrue(out.contains("**budget**"), "the snippet's own marks are emphasis: " + out);
  }
}
