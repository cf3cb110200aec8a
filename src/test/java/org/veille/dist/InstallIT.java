package org.veille.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veille.support.TestServer;

/**
 * The distribution as an administrator gets it: target/veille-VERSION.tar.gz unpacked, installed
 * with its own install script into a staging root (no user, no chown, no systemctl), then run
 * through the installed launcher from a folder that holds no sources, with a {@code mvn} on the
 * PATH that records any call: version, crawl of the demo sources from a local server, search, help,
 * completion, and uninstall.
 */
class InstallIT {
  private static final Path DEMO_SITE = Path.of("scripts", "demo-site");

  @TempDir Path tmp;

  record Run(int code, String out) {}

  @Test
  void installsRunsWithoutMavenAndUninstalls() throws Exception {
    Path archive = Path.of(System.getProperty("veille.dist", "target/veille.tar.gz"));
    assertTrue(Files.isRegularFile(archive), "mvn package makes " + archive);
    Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
    assertEquals(
        0,
        run(tmp, "tar", "-xzf", archive.toAbsolutePath().toString(), "-C", unpacked.toString())
            .code());
    Path dist;
    try (Stream<Path> s = Files.list(unpacked)) {
      dist = s.findFirst().orElseThrow();
    }
    for (String f :
        List.of(
            "bin/veille",
            "install",
            "lib/veille.jar",
            "share/veille/feeds.yaml.example",
            "share/veille/veille.service",
            "share/veille/cron.example",
            "share/man/man1/veille.1",
            "share/man/man1/veille-search.1",
            "share/man/man1/veille-sources-check.1",
            "share/bash-completion/completions/veille",
            "share/veille/completion/veille.zsh",
            "share/doc/veille/LICENCES.md",
            "share/doc/veille/dependencies.txt")) {
      assertTrue(Files.isRegularFile(dist.resolve(f)), "the archive holds " + f);
    }
    assertTrue(Files.isExecutable(dist.resolve("bin/veille")));
    assertTrue(
        Files.readString(dist.resolve("share/man/man1/veille-search.1"))
            .contains(".TH \"VEILLE\\-SEARCH\" \"1\""),
        "man pages are roff");

    Path root = tmp.resolve("root");
    Run install = run(tmp, dist.resolve("install").toString(), "--root", root.toString());
    assertEquals(0, install.code(), install.out());
    assertTrue(install.out().contains("skipped (--root): useradd --system veille"), install.out());
    assertTrue(install.out().contains("enable veille.service"), install.out());
    Path prefix = root.resolve("opt/veille");
    assertTrue(Files.isExecutable(prefix.resolve("bin/veille")));
    assertTrue(Files.isSymbolicLink(root.resolve("usr/local/bin/veille")));
    assertTrue(Files.exists(root.resolve("usr/local/share/man/man1/veille-crawl.1")));
    assertTrue(Files.exists(root.resolve("usr/local/share/bash-completion/completions/veille")));
    assertTrue(Files.isDirectory(root.resolve("var/lib/veille")));
    assertTrue(Files.isDirectory(root.resolve("var/log/veille")));
    String config = Files.readString(root.resolve("etc/veille/feeds.yaml"));
    assertTrue(config.contains("data_dir: " + root.resolve("var/lib/veille")), config);
    String unit = Files.readString(root.resolve("etc/systemd/system/veille.service"));
    assertTrue(unit.contains("ExecStart=" + prefix.resolve("bin/veille") + " daemon"), unit);
    assertTrue(unit.contains("User=veille"), unit);
    assertTrue(Files.isRegularFile(prefix.resolve("lib/veille.jsa")), install.out());

    // A reinstall keeps the edited config.
    Files.writeString(
        root.resolve("etc/veille/feeds.yaml"),
        demoConfig(config, "http://127.0.0.1:1", root.resolve("var/lib/veille")));
    String edited = Files.readString(root.resolve("etc/veille/feeds.yaml"));
    Run again = run(tmp, dist.resolve("install").toString(), "--root", root.toString());
    assertEquals(0, again.code(), again.out());
    assertTrue(again.out().contains("kept the existing config"), again.out());
    assertEquals(edited, Files.readString(root.resolve("etc/veille/feeds.yaml")));

    // No Maven, no sources: a mvn that leaves a mark, and a working folder of its own.
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path mark = tmp.resolve("mvn-was-called");
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\ntouch '" + mark + "'\nexit 1\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    String veille = root.resolve("usr/local/bin/veille").toString();

    Run version = run(work, veille, "--version");
    assertEquals(0, version.code(), version.out());
    assertTrue(version.out().matches("(?s)veille \\d+\\.\\d+\\.\\d+.*"), version.out());

    try (TestServer server = new TestServer()) {
      Path site = DEMO_SITE.resolve("site");
      try (Stream<Path> files = Files.walk(site)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String name = site.relativize(f).toString().replace('\\', '/');
          String type = name.endsWith(".html") ? "text/html; charset=utf-8" : "application/xml";
          byte[] body = Files.readAllBytes(f);
          String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
          if (text.contains("{{BASE}}")) { // links back to the sample server, as the demo's has
            body =
                text.replace("{{BASE}}", server.base())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          }
          server.respond("/" + name, 200, type, body);
        }
      }
      Files.writeString(
          root.resolve("etc/veille/feeds.yaml"),
          demoConfig(config, server.base(), root.resolve("var/lib/veille")));
      Run crawl = run(work, veille, "crawl", "--no-progress");
      assertEquals(0, crawl.code(), crawl.out());
      String demo = Files.readString(DEMO_SITE.resolve("feeds.yaml.in"));
      long sources =
          demo.substring(demo.indexOf("\nsources:"))
              .lines()
              .filter(l -> l.startsWith("  - id: "))
              .count();
      assertTrue(crawl.out().contains("Crawled " + sources + " sources"), crawl.out());
      assertTrue(crawl.out().contains(" 0 failed"), crawl.out());
    }
    assertTrue(Files.exists(root.resolve("var/lib/veille/veille.db")), "data in /var/lib/veille");

    Run search = run(work, veille, "search", "ville intelligente", "--format", "json");
    assertEquals(0, search.code(), search.out());
    assertTrue(search.out().contains("\"total\""), search.out());
    assertFalse(search.out().contains("\"total\":0"), search.out());

    Run help = run(work, veille, "help", "search");
    assertEquals(0, help.code(), help.out());
    assertTrue(help.out().contains("Usage: veille search"), help.out());
    Run completion = run(work, veille, "completion", "bash");
    assertEquals(0, completion.code(), completion.out());
    assertTrue(completion.out().contains("complete -F _complete_veille"), completion.out());
    assertFalse(Files.exists(mark), "the installed veille never calls mvn");

    Run uninstall =
        run(tmp, prefix.resolve("install").toString(), "--root", root.toString(), "--uninstall");
    assertEquals(0, uninstall.code(), uninstall.out());
    assertFalse(Files.exists(prefix), uninstall.out());
    assertFalse(
        Files.exists(
            root.resolve("usr/local/bin/veille"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(root.resolve("etc/systemd/system/veille.service")));
    assertTrue(Files.exists(root.resolve("var/lib/veille/veille.db")), "data is kept");
    assertTrue(Files.exists(root.resolve("etc/veille/feeds.yaml")), "config is kept");
    assertTrue(uninstall.out().contains("Kept the config"), uninstall.out());
  }

  @Test
  void refusesARelativePrefixAndAnUnknownOption() throws Exception {
    Path script = Path.of("scripts", "install").toAbsolutePath();
    Run relative =
        run(
            tmp,
            script.toString(),
            "--root",
            tmp.resolve("r").toString(),
            "--prefix",
            "opt/veille");
    assertEquals(2, relative.code());
    assertTrue(relative.out().contains("--prefix must be an absolute path"), relative.out());
    Run unknown = run(tmp, script.toString(), "--frobnicate");
    assertEquals(2, unknown.code());
    assertTrue(unknown.out().contains("unknown option '--frobnicate'"), unknown.out());
  }

  /** The demo config (scripts/demo-site/feeds.yaml.in) with the installed example's topics. */
  private static String demoConfig(String installedExample, String base, Path data)
      throws IOException {
    StringBuilder topics = new StringBuilder();
    boolean on = false;
    for (String line : installedExample.split("\n", -1)) {
      if (line.startsWith("topics:")) {
        on = true;
      } else if (line.startsWith("sources:")) {
        on = false;
      }
      if (on) {
        topics.append(line).append('\n');
      }
    }
    return Files.readString(DEMO_SITE.resolve("feeds.yaml.in"), StandardCharsets.UTF_8)
        .replace("@BASE@", base)
        .replace("@TOPICS@\n", topics.toString())
        .replace("data_dir: data", "data_dir: " + data);
  }

  private static Run run(Path dir, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet()
        .removeIf(k -> k.startsWith("VEILLE_") || k.equals("MAVEN_HOME") || k.equals("M2_HOME"));
    env.put("PATH", dir.getParent().resolve("bin") + ":" + dir.resolve("bin") + ":/usr/bin:/bin");
    env.put("HOME", dir.toString());
    Path log = Files.createTempFile(dir.getParent(), "run", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish: " + Files.readString(log));
    }
    return new Run(p.exitValue(), Files.readString(log));
  }
}
