package org.veille.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.veille.app.Archive;
import org.veille.app.Context;
import org.veille.app.Items;
import org.veille.app.RequestException;
import org.veille.app.Search;
import org.veille.app.Sources;
import org.veille.app.Status;
import org.veille.app.When;
import org.veille.config.ConfigException;
import org.veille.index.SearchRequest;
import org.veille.store.StoredItem;

/** The pages: each reads through a use case of {@link org.veille.app} and fills a template. */
final class Pages {
  /** A page to send. */
  record Response(int status, String html, String location) {
    Response(int status, String html) {
      this(status, html, null);
    }

    /** A redirect after a post: 303 See Other to {@code location}. */
    static Response redirect(String location) {
      return new Response(303, "", location);
    }
  }

  static final int PAGE = 20;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH);

  private final Context ctx;
  private final Templates templates;
  private final String csrf;

  Pages(Context ctx, Templates templates, String csrf) {
    this.ctx = ctx;
    this.templates = templates;
    this.csrf = csrf;
  }

  ZoneId zone() {
    try {
      return ctx.config().settings().timezone();
    } catch (ConfigException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  String day(Instant t) {
    return t == null ? "date inconnue" : DAY.format(t.atZone(zone()));
  }

  String minute(Instant t) {
    return t == null ? "—" : MINUTE.format(t.atZone(zone()));
  }

  Response search(Map<String, List<String>> params) {
    Map<String, Object> view = new HashMap<>();
    view.put("csrf", csrf);
    String q = WebServer.first(params, "q");
    String since = WebServer.first(params, "since");
    String until = WebServer.first(params, "until");
    String lang = blankToNull(WebServer.first(params, "lang"));
    String sort = WebServer.first(params, "sort");
    List<String> sources = params.getOrDefault("source", List.of());
    List<String> topics = params.getOrDefault("topic", List.of());
    int offset = number(WebServer.first(params, "offset"));
    boolean all = "1".equals(WebServer.first(params, "all"));
    view.put("query", q == null ? "" : q);
    view.put("all", all);
    view.put("since", since);
    view.put("until", until);
    view.put("lang-" + lang, true);
    view.put("sort-" + sort, true);
    view.put("source", sources);
    view.put("topic", topics);
    if (q == null || q.isBlank()) {
      return new Response(200, templates.page("search", "Recherche", "search", view));
    }
    int status = 200;
    try {
      SearchRequest request =
          new SearchRequest(
                  q,
                  start(since),
                  end(until),
                  sources,
                  topics,
                  lang,
                  "date".equals(sort) ? SearchRequest.Sort.DATE : SearchRequest.Sort.RELEVANCE,
                  PAGE,
                  offset,
                  true)
              .collapsed(!all); // a story carried by several sources: one hit, as in the CLI
      Search.Results r = new Search(ctx).run(request);
      view.put("searched", true);
      long total = r.result().total();
      view.put(
          "summary",
          total == 0
              ? "Aucun résultat"
              : total
                  + (total == 1 ? " résultat" : " résultats")
                  + (total > PAGE
                      ? " (" + (offset + 1) + "–" + Math.min(total, offset + PAGE) + ")"
                      : ""));
      List<Map<String, Object>> hits = new ArrayList<>();
      for (Search.Row row : r.rows()) {
        StoredItem i = row.item();
        Map<String, Object> h = new HashMap<>();
        h.put("id", i.id());
        h.put("title", i.title());
        h.put("published", day(i.published()));
        h.put("source", String.join(", ", i.sources()));
        h.put("topics", i.topics());
        h.put("snippet", row.hit().snippet()); // escaped by the index, <b> marks only
        if (!all && !i.alsoIn().isEmpty()) {
          int n = i.alsoIn().size();
          h.put(
              "alsoIn",
              "+" + n + (n == 1 ? " source : " : " sources : ") + String.join(", ", i.alsoIn()));
        }
        hits.add(h);
      }
      Map<String, List<String>> other = new LinkedHashMap<>(params);
      other.remove("offset");
      if (all) {
        other.remove("all");
      } else {
        other.put("all", List.of("1"));
      }
      view.put("allHref", "/?" + encode(other));
      view.put("hits", hits);
      r.note().ifPresent(n -> view.put("note", n));
      if (offset > 0) {
        view.put("previous", link(params, Math.max(0, offset - PAGE)));
      }
      if (offset + PAGE < total) {
        view.put("next", link(params, offset + PAGE));
      }
      view.put("facets", facets(params, r.result().facets()));
    } catch (RequestException e) {
      view.put("error", e.getMessage());
      status = 400;
    } catch (ConfigException e) {
      view.put("error", e.getMessage());
      status = 500;
    }
    return new Response(status, templates.page("search", "Recherche : " + q, "search", view));
  }

  private static final Map<String, String> FACET_LABELS =
      Map.of("source", "Sources", "topic", "Thèmes", "lang", "Langues");

  private List<Map<String, Object>> facets(
      Map<String, List<String>> params, Map<String, Map<String, Long>> facets) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (var dim : facets.entrySet()) {
      List<Map<String, Object>> values = new ArrayList<>();
      for (var v : dim.getValue().entrySet()) {
        Map<String, List<String>> narrowed = new LinkedHashMap<>(params);
        narrowed.remove("offset");
        if (dim.getKey().equals("lang")) {
          narrowed.put("lang", List.of(v.getKey()));
        } else {
          List<String> vals = new ArrayList<>(narrowed.getOrDefault(dim.getKey(), List.of()));
          if (!vals.contains(v.getKey())) {
            vals.add(v.getKey());
          }
          narrowed.put(dim.getKey(), vals);
        }
        values.add(
            Map.of("value", v.getKey(), "count", v.getValue(), "href", "/?" + encode(narrowed)));
      }
      if (!values.isEmpty()) {
        out.add(
            Map.of(
                "label", FACET_LABELS.getOrDefault(dim.getKey(), dim.getKey()), "values", values));
      }
    }
    return out;
  }

  private static String link(Map<String, List<String>> params, int offset) {
    Map<String, List<String>> p = new LinkedHashMap<>(params);
    p.put("offset", List.of(Integer.toString(offset)));
    return "/?" + encode(p);
  }

  static String encode(Map<String, List<String>> params) {
    StringBuilder sb = new StringBuilder();
    for (var e : params.entrySet()) {
      if (e.getKey().equals("csrf")) {
        continue;
      }
      for (String v : e.getValue()) {
        if (sb.length() > 0) {
          sb.append('&');
        }
        sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    }
    return sb.toString();
  }

  private Instant start(String when) {
    return when == null || when.isBlank() ? null : When.start(when, zone(), ctx.now());
  }

  private Instant end(String when) {
    return when == null || when.isBlank() ? null : When.end(when, zone(), ctx.now());
  }

  static int number(String s) {
    try {
      return s == null ? 0 : Math.max(0, Math.min(100_000, Integer.parseInt(s.strip())));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  Response item(String id) {
    StoredItem i;
    try {
      i = new Items(ctx).show(id);
    } catch (RequestException e) {
      return notFound();
    } catch (ConfigException e) {
      return new Response(500, error("Configuration invalide", e.getMessage()).html());
    }
    Map<String, Object> view = new HashMap<>();
    view.put("id", i.id());
    view.put("title", i.title());
    view.put("url", i.link().orElse(null));
    view.put("published", day(i.published()));
    view.put("lang", i.lang());
    view.put("author", i.author());
    view.put("sources", i.sources());
    view.put("topics", i.topics());
    view.put("summary", i.summary());
    List<String> paragraphs = new ArrayList<>();
    for (String p : i.content().split("\\n\\s*\\n|\\n")) {
      if (!p.isBlank()) {
        paragraphs.add(p.strip());
      }
    }
    view.put("paragraphs", paragraphs);
    try {
      List<Map<String, Object>> letters = new ArrayList<>();
      for (String key : new Archive(ctx).sentIn(List.of(i.id())).getOrDefault(i.id(), List.of())) {
        int slash = key.indexOf('/');
        letters.add(
            Map.of(
                "key",
                key,
                "href",
                Editor.archivedHref(key.substring(0, slash), key.substring(slash + 1))));
      }
      view.put("letters", letters);
    } catch (ConfigException e) {
      return new Response(500, error("Configuration invalide", e.getMessage()).html());
    }
    return new Response(200, templates.page("item", i.title(), "search", view));
  }

  Response sources() {
    try {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Sources.Health h : new Sources(ctx).list()) {
        var s = h.status();
        Map<String, Object> row = new HashMap<>();
        row.put("id", h.config().id());
        row.put("name", h.config().name() == null ? h.config().id() : h.config().name());
        row.put("type", h.config().type().label());
        row.put("last", s == null ? "jamais" : minute(s.lastFetchAt()));
        row.put("status", s == null || s.lastStatus() == null ? "—" : s.lastStatus());
        row.put("items", s == null ? 0 : s.items());
        row.put("failures", s == null ? 0 : s.consecutiveFailures());
        row.put("broken", s != null && s.brokenSelector());
        row.put("error", s == null ? null : s.lastError());
        row.put("unhealthy", s != null && (s.consecutiveFailures() > 0 || s.brokenSelector()));
        rows.add(row);
      }
      return new Response(
          200,
          templates.page(
              "sources", "Sources", "sources", Map.of("sources", rows, "count", rows.size())));
    } catch (ConfigException e) {
      return new Response(500, error("Configuration invalide", e.getMessage()).html());
    }
  }

  Response status() {
    try {
      Status.Report r = new Status(ctx).read();
      Map<String, Object> view = new HashMap<>();
      view.put(
          "daemon",
          r.daemon()
              .filter(d -> r.daemonRunning())
              .map(d -> "en marche (pid " + d.pid() + ") depuis le " + minute(d.since()))
              .orElse("arrêté"));
      view.put(
          "crawl",
          r.crawl()
              .map(
                  c ->
                      minute(c.at())
                          + " : "
                          + c.sources()
                          + " sources, "
                          + c.failed()
                          + " en échec, "
                          + c.newItems()
                          + " nouveaux articles")
              .orElse("aucune"));
      view.put("nextCrawl", minute(r.nextCrawl()));
      view.put(
          "letter",
          r.newsletter()
              .map(
                  l ->
                      l.week()
                          + " : "
                          + l.sent()
                          + " envoyées, "
                          + l.failed()
                          + " en échec, "
                          + l.pending()
                          + " en attente")
              .orElse("aucune"));
      view.put("nextLetter", minute(r.nextLetter()));
      view.put("unhealthy", r.unhealthy());
      return new Response(200, templates.page("status", "État", "status", view));
    } catch (ConfigException e) {
      return new Response(500, error("Configuration invalide", e.getMessage()).html());
    }
  }

  Response notFound() {
    return new Response(
        404,
        error("Page introuvable", "Cette adresse ne mène à aucune page ni à aucun article.")
            .html());
  }

  Response error(String heading, String message) {
    return new Response(
        200, templates.page("error", heading, "", Map.of("heading", heading, "message", message)));
  }

  Optional<String> csrf() {
    return Optional.of(csrf);
  }
}
