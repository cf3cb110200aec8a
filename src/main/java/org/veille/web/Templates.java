package org.veille.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' Mustache templates, from {@code /web/} in the jar, compiled once. Every {@code {{x}}}
 * is HTML-escaped; the only raw values are those a page builds itself from escaped parts.
 */
final class Templates {
  private final DefaultMustacheFactory factory = new DefaultMustacheFactory("web");
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  /** {@code name}'s body inside the page layout, with {@code title} and the navigation. */
  String page(String name, String title, String active, Map<String, Object> view) {
    Map<String, Object> page = new java.util.HashMap<>(view);
    page.put("body", render(name, view));
    page.put("title", title);
    page.put("nav-" + active, Boolean.TRUE);
    return render("layout", page);
  }

  String render(String name, Map<String, Object> view) {
    Mustache m = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
    StringWriter out = new StringWriter();
    try {
      m.execute(out, view).flush();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
