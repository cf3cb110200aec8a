package org.veille.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.veille.app.Archive;
import org.veille.app.Context;
import org.veille.app.RequestException;
import org.veille.app.Search;
import org.veille.config.Audience;
import org.veille.config.ConfigException;
import org.veille.index.SearchRequest;
import org.veille.store.ArchivedLetter;
import org.veille.store.Delivery;

/**
 * The archive of the letters that went out ({@link Archive}): the list, searchable by what the
 * letters carried; one letter with its items and the outcome for each recipient; and its HTML
 * exactly as it was sent.
 */
final class ArchivePages {
  private static final Map<Delivery.Status, String> OUTCOMES =
      Map.of(
          Delivery.Status.SENT, "envoyée",
          Delivery.Status.FAILED, "en échec",
          Delivery.Status.PENDING, "en attente",
          Delivery.Status.SENDING, "inconnue (envoi interrompu)");

  private final Context ctx;
  private final Templates templates;
  private final Pages pages;

  ArchivePages(Context ctx, Templates templates, Pages pages) {
    this.ctx = ctx;
    this.templates = templates;
    this.pages = pages;
  }

  Pages.Response archive(Map<String, List<String>> p) {
    String audience = Editor.param(p, "newsletter");
    String query = Editor.param(p, "q");
    Map<String, Object> view = new HashMap<>();
    int status = 200;
    try {
      List<Map<String, Object>> choices = new ArrayList<>();
      for (Audience a : ctx.config().newsletters()) {
        choices.add(
            Map.of("id", a.id(), "title", a.letter().title(), "selected", a.id().equals(audience)));
      }
      view.put("choices", choices);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Archive.Shown s : new Archive(ctx).list(audience)) {
        ArchivedLetter l = s.letter();
        Map<String, Object> m = new HashMap<>();
        m.put("week", l.week());
        m.put("newsletter", l.audience());
        m.put("status", status(l.status()));
        m.put("sentAt", pages.minute(l.sentAt()));
        m.put("sent", s.sent());
        m.put("recipients", s.recipients().size());
        m.put("subject", l.subject());
        m.put("href", Editor.archivedHref(l.audience(), l.week()));
        rows.add(m);
      }
      view.put("letters", rows);
      view.put("count", rows.size());
      view.put("query", query == null ? "" : query);
      if (query != null) {
        view.put("searched", true);
        try {
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
                          SearchRequest.Sort.DATE,
                          50,
                          0,
                          false),
                      true,
                      null);
          List<Map<String, Object>> hits = new ArrayList<>();
          for (Search.Row row : r.rows()) {
            List<Map<String, Object>> in = new ArrayList<>();
            for (String key : r.sentIn(row.item().id())) {
              int slash = key.indexOf('/');
              if (audience == null || key.substring(0, slash).equals(audience)) {
                in.add(
                    Map.of(
                        "key",
                        key,
                        "href",
                        Editor.archivedHref(key.substring(0, slash), key.substring(slash + 1))));
              }
            }
            if (in.isEmpty()) {
              continue;
            }
            Map<String, Object> h = new HashMap<>();
            h.put("id", row.item().id());
            h.put("title", row.item().title());
            h.put("published", pages.day(row.item().published()));
            h.put("snippet", row.hit().snippet());
            h.put("in", in);
            hits.add(h);
          }
          view.put("hits", hits);
          view.put(
              "summary",
              hits.isEmpty()
                  ? "Aucun article envoyé ne correspond"
                  : hits.size() + (hits.size() == 1 ? " article envoyé" : " articles envoyés"));
        } catch (RequestException e) {
          view.put("error", e.getMessage());
          status = 400;
        }
      }
      return new Pages.Response(status, templates.page("archive", "Archives", "archive", view));
    } catch (ConfigException e) {
      return new Pages.Response(500, pages.error("Configuration invalide", e.getMessage()).html());
    }
  }

  private static String status(String s) {
    return switch (s) {
      case "sent" -> "envoyée";
      case "approved" -> "approuvée, pas encore envoyée";
      default -> s;
    };
  }

  Pages.Response archived(Map<String, List<String>> p) {
    String week = Editor.param(p, "week");
    if (week == null) {
      return new Pages.Response(
          400, pages.error("Lettre introuvable", "no week given (e.g. week=2026-W47)").html());
    }
    try {
      Archive.Shown s = new Archive(ctx).show(week, Editor.param(p, "newsletter"));
      ArchivedLetter l = s.letter();
      Map<String, Object> view = new HashMap<>();
      view.put("subject", l.subject());
      view.put("week", l.week());
      view.put("newsletter", l.audience());
      view.put("status", status(l.status()));
      view.put("version", l.version());
      view.put("createdAt", pages.minute(l.createdAt()));
      view.put("sentAt", pages.minute(l.sentAt()));
      view.put("text", l.text());
      view.put(
          "frame",
          "/archive/letter.html?" + Editor.q(Map.of("newsletter", l.audience(), "week", l.week())));
      List<Map<String, Object>> items = new ArrayList<>();
      for (ArchivedLetter.Item i : l.items()) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", i.itemId());
        m.put("title", i.title());
        m.put("section", i.section() == null ? "autres" : i.section());
        m.put("overridden", i.overridden());
        items.add(m);
      }
      view.put("items", items);
      List<Map<String, Object>> recipients = new ArrayList<>();
      s.recipients().values().stream()
          .sorted(java.util.Comparator.comparing(Delivery::recipient))
          .forEach(
              d -> {
                Map<String, Object> m = new HashMap<>();
                m.put("address", d.recipient());
                m.put("outcome", OUTCOMES.get(d.status()));
                m.put("ko", d.status() != Delivery.Status.SENT);
                m.put("at", pages.minute(d.at()));
                m.put("error", d.error());
                recipients.add(m);
              });
      view.put("recipients", recipients);
      view.put("sent", s.sent());
      view.put("count", recipients.size());
      return new Pages.Response(
          200, templates.page("archived", l.subject() + " — " + l.week(), "archive", view));
    } catch (RequestException e) {
      return new Pages.Response(404, pages.error("Lettre introuvable", e.getMessage()).html());
    } catch (ConfigException e) {
      return new Pages.Response(500, pages.error("Configuration invalide", e.getMessage()).html());
    }
  }

  /** An archived letter's HTML exactly as it was sent, for a sandboxed frame. */
  Pages.Response archivedHtml(Map<String, List<String>> p) {
    String week = Editor.param(p, "week");
    try {
      return new Pages.Response(
          200,
          new Archive(ctx)
              .show(week == null ? "" : week, Editor.param(p, "newsletter"))
              .letter()
              .html());
    } catch (RequestException e) {
      return new Pages.Response(404, pages.error("Lettre introuvable", e.getMessage()).html());
    } catch (ConfigException e) {
      return new Pages.Response(500, pages.error("Configuration invalide", e.getMessage()).html());
    }
  }
}
