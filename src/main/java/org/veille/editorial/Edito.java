package org.veille.editorial;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.veille.digest.Digest;
import org.veille.digest.Markdown;
import org.veille.digest.Wrapping;

/**
 * The édito, a short introduction in Markdown-lite: paragraphs separated by blank lines, lists of
 * lines starting with {@code - }, {@code **bold**}, {@code *italic*} and {@code
 * [links](https://…)}. Nothing else is markup: HTML is shown as text, and a link that is not http,
 * https or mailto keeps its text and loses its target.
 */
public final class Edito {
  /** The longest édito accepted, in characters: an introduction, not an article. */
  public static final int MAX_CHARS = 5_000;

  private static final Pattern INLINE =
      Pattern.compile(
          "\\*\\*(.+?)\\*\\*|\\*(.+?)\\*|\\[([^\\]]+)]\\(((?:[^()\\s]|\\([^()\\s]*\\))+)\\)");
  private static final Pattern MD_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|!~])");
  private static final Pattern SAFE_LINK =
      Pattern.compile("(?i)(https?://[^\\s<>\"]+|mailto:[^\\s<>\"@]+@[^\\s<>\"]+)");

  private Edito() {}

  /** What is wrong with {@code text} as an édito (too long, control characters), or empty. */
  public static Optional<String> problem(String text) {
    if (text.length() > MAX_CHARS) {
      return Optional.of(
          "the édito is "
              + String.format("%,d", text.length()).replace(',', ' ')
              + " characters long; the limit is "
              + String.format("%,d", MAX_CHARS).replace(',', ' ')
              + " (a short introduction: link to a page for more)");
    }
    if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      return Optional.of("the édito holds control characters; write plain text");
    }
    return Optional.empty();
  }

  /** The édito rendered for every format, or null for a blank one. */
  public static Digest.Intro render(String source) {
    if (source == null || source.isBlank()) {
      return null;
    }
    List<Block> blocks = parse(source);
    return new Digest.Intro(html(blocks), text(blocks), markdown(blocks));
  }

  private record Block(boolean list, List<String> lines) {}

  private static List<Block> parse(String source) {
    List<Block> blocks = new ArrayList<>();
    for (String para : source.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n\\s*\n")) {
      List<String> lines = para.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      if (lines.isEmpty()) {
        continue;
      }
      boolean list = lines.stream().allMatch(l -> l.startsWith("- ") || l.startsWith("* "));
      blocks.add(
          new Block(list, list ? lines.stream().map(l -> l.substring(2).strip()).toList() : lines));
    }
    return blocks;
  }

  /** One piece of a line: plain text, bold, italic or a link (url null when dropped). */
  private record Span(String kind, String text, String url) {}

  private static List<Span> spans(String line) {
    List<Span> out = new ArrayList<>();
    Matcher m = INLINE.matcher(line);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        out.add(new Span("text", line.substring(at, m.start()), null));
      }
      if (m.group(1) != null) {
        out.add(new Span("bold", m.group(1), null));
      } else if (m.group(2) != null) {
        out.add(new Span("italic", m.group(2), null));
      } else {
        String url = m.group(4);
        out.add(new Span("link", m.group(3), SAFE_LINK.matcher(url).matches() ? url : null));
      }
      at = m.end();
    }
    if (at < line.length()) {
      out.add(new Span("text", line.substring(at), null));
    }
    return out;
  }

  private static String html(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (b.list()) {
        sb.append("<ul style=\"margin:0 0 8px 0; padding-left:20px;\">");
        b.lines().forEach(l -> sb.append("<li>").append(htmlLine(l)).append("</li>"));
        sb.append("</ul>");
      } else {
        sb.append("<p style=\"margin:0 0 8px 0;\">");
        sb.append(String.join(" ", b.lines().stream().map(Edito::htmlLine).toList()));
        sb.append("</p>");
      }
    }
    return sb.toString();
  }

  private static String htmlLine(String line) {
    StringBuilder sb = new StringBuilder();
    for (Span s : spans(line)) {
      String t = Entities.escape(s.text());
      switch (s.kind()) {
        case "bold" -> sb.append("<strong>").append(t).append("</strong>");
        case "italic" -> sb.append("<em>").append(t).append("</em>");
        case "link" ->
            sb.append(
                s.url() == null
                    ? t
                    : "<a href=\""
                        + Entities.escape(s.url())
                        + "\" style=\"color:#000091; text-decoration:underline;\">"
                        + t
                        + "</a>");
        default -> sb.append(t);
      }
    }
    return sb.toString();
  }

  private static String text(List<Block> blocks) {
    List<String> paras = new ArrayList<>();
    for (Block b : blocks) {
      if (b.list()) {
        paras.add(
            String.join(
                "\n",
                b.lines().stream()
                    .map(l -> "- " + Wrapping.wrap(textLine(l), 70, "  ").strip())
                    .toList()));
      } else {
        paras.add(
            Wrapping.wrap(
                String.join(" ", b.lines().stream().map(Edito::textLine).toList()), 72, ""));
      }
    }
    return String.join("\n\n", paras);
  }

  private static String textLine(String line) {
    StringBuilder sb = new StringBuilder();
    for (Span s : spans(line)) {
      sb.append(s.text());
      if (s.kind().equals("link") && s.url() != null) {
        sb.append(" (").append(s.url()).append(")");
      }
    }
    return sb.toString();
  }

  private static String markdown(List<Block> blocks) {
    List<String> paras = new ArrayList<>();
    for (Block b : blocks) {
      paras.add(
          String.join(
              b.list() ? "\n" : " ",
              b.lines().stream().map(l -> (b.list() ? "- " : "") + mdLine(l)).toList()));
    }
    return String.join("\n\n", paras);
  }

  private static String mdLine(String line) {
    StringBuilder sb = new StringBuilder();
    for (Span s : spans(line)) {
      String t = MD_SPECIAL.matcher(s.text()).replaceAll("\\\\$1");
      switch (s.kind()) {
        case "bold" -> sb.append("**").append(t).append("**");
        case "italic" -> sb.append("*").append(t).append("*");
        case "link" -> sb.append(s.url() == null ? t : Markdown.link(s.text(), s.url()));
        default -> sb.append(t);
      }
    }
    return sb.toString();
  }
}
