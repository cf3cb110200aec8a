package org.veille.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.veille.app.Context;
import org.veille.app.RequestException;
import org.veille.app.Review;
import org.veille.config.ConfigException;
import org.veille.editorial.Draft;
import org.veille.store.WriterLock;

/**
 * The edits of the week page, one form post each (pin, hide, move, retitle, summarise, add, édito,
 * approve, reopen): applied through {@link Review} under the writer lock, then redirected to the
 * week with what was done; a refused edit shows the week again with why.
 */
final class WeekEdits {
  /** What the page says after each edit, by action. */
  static final Map<String, String> DONE =
      Map.ofEntries(
          Map.entry("pin", "Article mis à la une."),
          Map.entry("pin-section", "Article placé en tête de sa rubrique."),
          Map.entry("hide", "Article masqué : il ne partira pas."),
          Map.entry("move", "Article déplacé."),
          Map.entry("title", "Titre enregistré pour cette lettre."),
          Map.entry("summary", "Résumé enregistré pour cette lettre."),
          Map.entry("add", "Article ajouté à la lettre."),
          Map.entry("reset", "Changements de l'article annulés."),
          Map.entry("edito", "Édito enregistré."),
          Map.entry("approve", "Lettre approuvée : c'est exactement elle qui partira."),
          Map.entry("reopen", "Lettre rouverte aux changements."));

  private final Context ctx;
  private final Pages pages;
  private final Editor editor;

  WeekEdits(Context ctx, Pages pages, Editor editor) {
    this.ctx = ctx;
    this.pages = pages;
    this.editor = editor;
  }

  /** One edit of the week, posted by a form: applied under the writer lock, then redirected. */
  Pages.Response edit(String action, Map<String, List<String>> p) {
    if (!DONE.containsKey(action)) {
      return pages.notFound();
    }
    String audience = Editor.param(p, "newsletter");
    String week = Editor.param(p, "week");
    String item = Editor.param(p, "item");
    String text = WebServer.first(p, "text");
    Review review = new Review(ctx, Editor.LOCK_WAIT, why -> {});
    Review.View v;
    try {
      if (item == null && !List.of("edito", "approve", "reopen").contains(action)) {
        throw new RequestException("no item given: choose the item to change");
      }
      v =
          switch (action) {
            case "pin" -> review.pin(audience, week, item, Draft.PinTo.HEADLINES);
            case "pin-section" -> review.pin(audience, week, item, Draft.PinTo.SECTION);
            case "hide" -> review.hide(audience, week, item);
            case "move" -> {
              String topic = Editor.param(p, "topic");
              if (topic == null) {
                throw new RequestException("no section given: choose where to move the item");
              }
              yield review.move(audience, week, item, topic);
            }
            case "title" -> review.title(audience, week, item, text == null ? "" : text);
            case "summary" -> review.summary(audience, week, item, text == null ? "" : text);
            case "add" -> review.add(audience, week, item);
            case "reset" -> review.reset(audience, week, item);
            case "edito" -> review.edito(audience, week, text == null ? "" : text);
            case "approve" -> review.approve(audience, week);
            default -> review.reopen(audience, week);
          };
    } catch (RequestException e) {
      return editor.week(p, e.getMessage(), 400);
    } catch (WriterLock.LockedException e) {
      return editor.week(
          p,
          e.getMessage()
              + "; nothing was changed: try again in a moment (a crawl or a send is writing)",
          503);
    } catch (ConfigException e) {
      return new Pages.Response(500, pages.error("Configuration invalide", e.getMessage()).html());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Pages.Response(503, pages.error("Arrêt", "Le serveur s'arrête.").html());
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    Map<String, String> qp = new LinkedHashMap<>();
    qp.put("newsletter", v.audience().id());
    qp.put("week", v.week());
    qp.put("fait", action);
    String anchor = item != null && item.matches("[0-9a-f]{6,40}") ? "#i-" + item : "";
    return Pages.Response.redirect("/week?" + Editor.q(qp) + anchor);
  }
}
