package org.veille.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veille.app.Context;
import org.veille.app.Newsletter;
import org.veille.app.RequestException;
import org.veille.app.Review;
import org.veille.app.Search;
import org.veille.config.Audience;
import org.veille.config.ConfigException;
import org.veille.config.Topic;
import org.veille.digest.Digest;
import org.veille.editorial.Draft;
import org.veille.index.SearchRequest;
import org.veille.store.StoredItem;

/**
 * The editor's pages: the week's draft of each audience (the view of {@link Review}, as {@code
 * veille review} shows it) and the letter as it will be mailed ({@link Newsletter#mailed}); and the
 * links and parameters they share with the week's edits ({@link WeekEdits}) and the archive ({@link
 * ArchivePages}).
 */
final class Editor {
  /** How long an edit waits for another writer (a crawl, a send) before it gives up. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(5);

  private static final Map<Review.State, String> STATES =
      Map.of(
          Review.State.DRAFT, "brouillon, à approuver",
          Review.State.APPROVED, "approuvée, prête à partir",
          Review.State.SENT, "envoyée ; rouvrez-la pour la changer",
          Review.State.REOPENED, "rouverte après un premier envoi");

  private final Context ctx;
  private final Templates templates;
  private final Pages pages;
  private final String csrf;

  Editor(Context ctx, Templates templates, Pages pages, String csrf) {
    this.ctx = ctx;
    this.templates = templates;
    this.pages = pages;
    this.csrf = csrf;
  }

  static String param(Map<String, List<String>> p, String name) {
    return Pages.blankToNull(WebServer.first(p, name));
  }

  static String q(Map<String, String> params) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    params.forEach((k, v) -> m.put(k, List.of(v)));
    return Pages.encode(m);
  }

  static String weekHref(String audience, String week) {
    return "/week?" + q(Map.of("newsletter", audience, "week", week));
  }

  static String archivedHref(String audience, String week) {
    return "/archive/letter?" + q(Map.of("newsletter", audience, "week", week));
  }

  private List<Map<String, Object>> audiences(String current, String path, String week)
      throws ConfigException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Audience a : ctx.config().newsletters()) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", a.id());
      m.put("title", a.letter().title());
      Map<String, String> qp = new LinkedHashMap<>();
      qp.put("newsletter", a.id());
      if (week != null) {
        qp.put("week", week);
      }
      m.put("href", path + "?" + q(qp));
      m.put("current", a.id().equals(current));
      out.add(m);
    }
    return out;
  }

  // ---- the week -------------------------------------------------------------------------------

  /** The week page; {@code problem} (with {@code status}) when an edit was refused. */
  Pages.Response week(Map<String, List<String>> p, String problem, int status) {
    String audience = param(p, "newsletter");
    String week = param(p, "week");
    String done = param(p, "fait");
    try {
      Review.View v =
          new Review(ctx, LOCK_WAIT, why -> {})
              .show(audience, week, done == null && problem == null);
      Map<String, Object> view = new HashMap<>();
      String a = v.audience().id();
      view.put("csrf", csrf);
      view.put("newsletter", a);
      view.put("week", v.week());
      view.put("letterTitle", v.audience().letter().title());
      view.put("audiences", audiences(a, "/week", v.week()));
      view.put("state", STATES.get(v.state()));
      view.put("state-" + v.state().name().toLowerCase(java.util.Locale.ROOT), true);
      boolean editable = v.state() == Review.State.DRAFT || v.state() == Review.State.REOPENED;
      view.put("editable", editable);
      view.put("frozen", !editable);
      view.put("review", v.audience().review());
      view.put("served", v.served());
      view.put("previewHref", "/preview?" + q(Map.of("newsletter", a, "week", v.week())));
      if (done != null && WeekEdits.DONE.containsKey(done)) {
        view.put("done", WeekEdits.DONE.get(done));
      }
      view.put("problem", problem);
      view.put("notes", v.notes());
      view.put("firstLook", v.firstLook());
      List<Map<String, Object>> arrived = new ArrayList<>();
      for (Digest.Item i : v.arrived()) {
        arrived.add(Map.of("n", v.numbers().getOrDefault(i.id(), 0), "title", i.title()));
      }
      view.put("arrived", arrived);
      List<Map<String, Object>> gone = new ArrayList<>();
      for (Review.Gone g : v.gone()) {
        gone.add(
            Map.of("title", g.title() == null ? g.id() : g.title(), "id", g.id(), "why", g.why()));
      }
      view.put("gone", gone);
      view.put("changed", !arrived.isEmpty() || !gone.isEmpty());
      view.put("edito", v.edito().orElse(""));
      v.letter().introduction().ifPresent(i -> view.put("editoText", i.text()));
      List<Topic> topics = ctx.config().forAudience(v.audience()).topics();
      Digest d = v.letter();
      List<Map<String, Object>> sections = new ArrayList<>();
      if (!d.headlines().isEmpty()) {
        sections.add(section("une", "À la une", d.headlines(), v, topics, d, false));
      }
      for (Digest.Section s : d.sections()) {
        sections.add(section("s-" + s.topic(), s.name(), s.items(), v, topics, d, false));
      }
      if (!d.others().items().isEmpty()) {
        sections.add(section("autres", d.others().name(), d.others().items(), v, topics, d, false));
      }
      view.put("sections", sections);
      view.put("empty", d.empty());
      view.put("count", d.shown().size());
      if (!v.hidden().isEmpty()) {
        view.put("hasHidden", true);
        view.put(
            "hidden", section("masques", "Masqués", v.hidden(), v, topics, d, true).get("items"));
      }
      String find = param(p, "find");
      if (find != null && editable) {
        view.put("find", find);
        view.put("found", found(find, v));
      }
      return new Pages.Response(
          status,
          templates.page(
              "week", "Semaine " + v.week() + " — " + v.audience().letter().title(), "week", view));
    } catch (RequestException e) {
      return new Pages.Response(400, pages.error("Lettre introuvable", e.getMessage()).html());
    } catch (ConfigException e) {
      return new Pages.Response(500, pages.error("Configuration invalide", e.getMessage()).html());
    }
  }

  private Map<String, Object> section(
      String key,
      String name,
      List<Digest.Item> items,
      Review.View v,
      List<Topic> topics,
      Digest d,
      boolean hidden) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Digest.Item i : items) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", i.id());
      m.put("n", v.numbers().getOrDefault(i.id(), 0));
      m.put("title", i.title());
      m.put("summary", i.summary());
      m.put("source", i.sourceName());
      m.put("published", pages.day(i.published()));
      m.put("url", i.url());
      m.put("pinned", v.pinned().contains(i.id()));
      m.put("hidden", hidden);
      List<Map<String, Object>> options = new ArrayList<>();
      for (Topic t : topics) {
        options.add(
            Map.of("id", t.id(), "name", t.name(), "selected", i.topics().contains(t.id())));
      }
      options.add(Map.of("id", Draft.NO_TOPIC, "name", d.others().name(), "selected", false));
      m.put("topics", options);
      rows.add(m);
    }
    return Map.of("key", key, "name", name, "items", rows);
  }

  /** Items found by the editor's search, to add to the letter. */
  private List<Map<String, Object>> found(String query, Review.View v) throws ConfigException {
    Search.Results r =
        new Search(ctx)
            .run(
                new SearchRequest(
                    query,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null,
                    SearchRequest.Sort.RELEVANCE,
                    10,
                    0,
                    false));
    List<String> inLetter = v.letter().shown().stream().map(Digest.Item::id).toList();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Search.Row row : r.rows()) {
      StoredItem i = row.item();
      Map<String, Object> m = new HashMap<>();
      m.put("id", i.id());
      m.put("title", i.title());
      m.put("published", pages.day(i.published()));
      m.put("source", String.join(", ", i.sources()));
      m.put("inLetter", inLetter.contains(i.id()));
      out.add(m);
    }
    return out;
  }

  // ---- the preview ----------------------------------------------------------------------------

  Pages.Response preview(Map<String, List<String>> p) {
    try {
      Newsletter.Mailed m = new Newsletter(ctx).mailed(param(p, "newsletter"), param(p, "week"));
      String a = m.audience().id();
      String w = m.period().name();
      Map<String, Object> view = new HashMap<>();
      view.put("week", w);
      view.put("newsletter", a);
      view.put("letterTitle", m.audience().letter().title());
      view.put("audiences", audiences(a, "/preview", w));
      view.put("subject", m.letter().subject());
      view.put("notes", m.notes());
      view.put("text", m.letter().text());
      view.put("frame", "/preview/letter.html?" + q(Map.of("newsletter", a, "week", w)));
      view.put("weekHref", weekHref(a, w));
      return new Pages.Response(
          200,
          templates.page(
              "preview", "Aperçu " + w + " — " + m.audience().letter().title(), "preview", view));
    } catch (RequestException e) {
      return new Pages.Response(400, pages.error("Lettre introuvable", e.getMessage()).html());
    } catch (ConfigException e) {
      return new Pages.Response(500, pages.error("Configuration invalide", e.getMessage()).html());
    }
  }

  /** The letter's HTML exactly as it is mailed, for the sandboxed frame of the preview. */
  Pages.Response letter(Map<String, List<String>> p) {
    try {
      return new Pages.Response(
          200,
          new Newsletter(ctx).mailed(param(p, "newsletter"), param(p, "week")).letter().html());
    } catch (RequestException e) {
      return new Pages.Response(400, pages.error("Lettre introuvable", e.getMessage()).html());
    } catch (ConfigException e) {
      return new Pages.Response(500, pages.error("Configuration invalide", e.getMessage()).html());
    }
  }
}
