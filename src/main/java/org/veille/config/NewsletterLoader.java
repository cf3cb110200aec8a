package org.veille.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The audiences of feeds.yaml: {@code settings.newsletter} as {@code main}, and each entry of
 * {@code newsletters:}, which takes what it does not say from {@code settings.newsletter}.
 */
final class NewsletterLoader {
  private static final Pattern COMMUNE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
  private static final Pattern EPT = Pattern.compile("T([1-9]|1[0-2])");
  private static final Pattern DEPARTEMENT = Pattern.compile("[0-9]{2,3}|2A|2B");

  private final Path file;
  private final Checks checks;

  NewsletterLoader(Path file, Checks checks) {
    this.file = file;
    this.checks = checks;
  }

  /** The editorial keys of a newsletter block, read from {@code m} (which must not reject them). */
  Audience audience(YamlMap m, String id, Settings.Newsletter letter, boolean reviewDefault)
      throws ConfigException {
    boolean review = m.bool("review").orElse(reviewDefault);
    Audience.Unreviewed unreviewed =
        choice(
            m, "unreviewed", Audience.Unreviewed.class, Audience.Unreviewed.HOLD, "hold or send");
    Audience.WhenEmpty whenEmpty =
        choice(m, "when_empty", Audience.WhenEmpty.class, Audience.WhenEmpty.SEND, "send or skip");
    Audience.Filters filters =
        new Audience.Filters(
            m.strings("topics"),
            m.strings("sources"),
            codes(m, "communes", COMMUNE, "an INSEE code such as 93066"),
            codes(m, "epts", EPT, "an EPT code T1 to T12"),
            codes(m, "departements", DEPARTEMENT, "a département code such as 93 or 2A"));
    Optional<String> listFile = m.string("recipients_file");
    Path recipientsFile = null;
    List<String> problems = new ArrayList<>();
    Settings.Newsletter withFile = letter;
    if (listFile.isPresent()) {
      recipientsFile = file.toAbsolutePath().getParent().resolve(listFile.get().trim());
      Set<String> all = new LinkedHashSet<>(letter.recipients());
      all.addAll(readRecipients(m, recipientsFile, letter.recipients(), problems));
      withFile = withRecipients(letter, List.copyOf(all));
    }
    return new Audience(
        id, withFile, review, unreviewed, whenEmpty, filters, recipientsFile, problems, m.line());
  }

  /** One entry of {@code newsletters:}, with {@code base} (settings.newsletter) for defaults. */
  Audience entry(YamlMap m, Settings.Newsletter base, boolean reviewDefault)
      throws ConfigException {
    String id = m.requiredString("id");
    String locale = m.string("locale").orElse(base.locale());
    if (!locale.equals("fr") && !locale.equals("en")) {
      throw m.error("locale", "must be fr or en (got '" + locale + "')");
    }
    String from = m.string("from").orElse(base.from());
    address(m, "from", from);
    List<String> recipients = m.strings("recipients");
    for (int i = 0; i < recipients.size(); i++) {
      address(m, "recipients[" + i + "]", recipients.get(i));
    }
    Optional<String> editor = m.string("editor");
    if (editor.isPresent()) {
      address(m, "editor", editor.get());
    }
    Settings.Newsletter letter =
        new Settings.Newsletter(
            m.string("title").orElse(base.title()),
            locale,
            from,
            recipients,
            editor.orElse(base.editor()),
            m.integer("max_items", 1, 1000).orElse(base.maxItems()),
            m.integer("max_per_topic", 0, 1000).orElse(base.maxPerTopic()),
            m.string("archive_url")
                .map(u -> u.endsWith("/") ? u : u + "/")
                .orElse(base.archiveUrl()));
    Audience a = audience(m, id, letter, reviewDefault);
    if (recipients.isEmpty() && a.recipientsFile() == null) {
      throw m.error("recipients", "missing: a newsletter needs recipients or a recipients_file");
    }
    m.rejectUnknown();
    return a;
  }

  private static Settings.Newsletter withRecipients(Settings.Newsletter n, List<String> to) {
    return new Settings.Newsletter(
        n.title(),
        n.locale(),
        n.from(),
        to,
        n.editor(),
        n.maxItems(),
        n.maxPerTopic(),
        n.archiveUrl());
  }

  /**
   * The addresses of a recipients file, one a line; blank lines and {@code #} comments are skipped.
   * An invalid address or a duplicate is skipped and named in {@code problems} with its line; the
   * rest is loaded.
   */
  private List<String> readRecipients(
      YamlMap m, Path list, List<String> already, List<String> problems) throws ConfigException {
    List<String> lines;
    try {
      lines = Files.readAllLines(list, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw m.error("recipients_file", "file not found: " + list);
    } catch (IOException e) {
      throw m.error("recipients_file", "cannot read " + list + ": " + e.getMessage());
    }
    Map<String, Integer> seen = new HashMap<>();
    already.forEach(a -> seen.put(a.toLowerCase(Locale.ROOT), 0));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int n = i + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Optional<String> problem = checks.address().problem(line);
      if (problem.isPresent()) {
        problems.add(list.getFileName() + ":" + n + ": " + problem.get() + " (skipped)");
        continue;
      }
      Integer first = seen.putIfAbsent(line.toLowerCase(Locale.ROOT), n);
      if (first != null) {
        problems.add(
            list.getFileName()
                + ":"
                + n
                + ": duplicate of "
                + (first == 0 ? "an address in recipients" : "line " + first)
                + " '"
                + line
                + "' (skipped)");
        continue;
      }
      out.add(line);
    }
    return out;
  }

  private static List<String> codes(YamlMap m, String key, Pattern p, String what)
      throws ConfigException {
    List<String> codes = m.strings(key);
    for (String c : codes) {
      if (!p.matcher(c.trim().toUpperCase(Locale.ROOT)).matches()) {
        throw m.error(key, "'" + c + "' is not " + what);
      }
    }
    return codes.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList();
  }

  private static <E extends Enum<E>> E choice(
      YamlMap m, String key, Class<E> type, E fallback, String allowed) throws ConfigException {
    Optional<String> v = m.string(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, v.get().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw m.error(key, "must be " + allowed + " (got '" + v.get() + "')");
    }
  }

  private void address(YamlMap m, String key, String value) throws ConfigException {
    Optional<String> problem = checks.address().problem(value);
    if (problem.isPresent()) {
      throw m.error(key, problem.get());
    }
  }
}
