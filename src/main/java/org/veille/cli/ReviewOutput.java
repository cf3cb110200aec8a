package org.veille.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import org.veille.app.Review;
import org.veille.digest.Digest;

/** How {@code veille review} shows a draft: as text for the editor, or as JSON for scripts. */
final class ReviewOutput {
  private ReviewOutput() {}

  static void text(PrintWriter out, Review.View v, ZoneId zone) {
    Digest d = v.letter();
    out.printf("Newsletter %s, week %s: %s%n", v.audience().id(), v.week(), state(v, zone));
    if (v.firstLook()) {
      out.println("First look at this draft.");
    } else if (v.arrived().isEmpty() && v.gone().isEmpty()) {
      out.println("Nothing changed since the last look.");
    } else {
      out.printf("Since the last look: %d new, %d gone.%n", v.arrived().size(), v.gone().size());
      for (Digest.Item i : v.arrived()) {
        out.printf("  new   %3d  %s%n", v.numbers().get(i.id()), i.title());
      }
      for (Review.Gone g : v.gone()) {
        out.printf(
            "  gone       %s [%s]: %s%n",
            g.title() == null ? "(unknown)" : g.title(), g.id(), g.why());
      }
    }
    v.edito()
        .ifPresent(
            e -> {
              out.println();
              out.println("Édito:");
              e.lines().forEach(l -> out.println("  " + l));
            });
    if (d.empty()) {
      out.println();
      out.println("The letter is empty this week.");
    }
    if (!d.headlines().isEmpty()) {
      section(out, v, "À la une", d.headlines(), zone);
    }
    for (Digest.Section s : d.sections()) {
      section(out, v, s.name() + " [" + s.topic() + "]", s.items(), zone);
    }
    if (!d.others().items().isEmpty()) {
      section(out, v, d.others().name(), d.others().items(), zone);
    }
    if (!v.hidden().isEmpty()) {
      section(out, v, "Hidden (not in the letter)", v.hidden(), zone);
    }
    if (!v.notes().isEmpty()) {
      out.println();
      v.notes().forEach(n -> out.println("Note: " + n));
    }
    out.println();
    out.println(
        "Change it: veille review pin|hide|move|title|summary|add|reset ITEM …, review edito TEXT,"
            + " review approve.");
  }

  private static String state(Review.View v, ZoneId zone) {
    String review = v.audience().review() ? "" : " (review: false: send does not wait for it)";
    return switch (v.state()) {
          case DRAFT -> "draft, not approved";
          case APPROVED ->
              "approved " + Times.shortTime(v.approvedAt().get(), zone) + ", ready to send";
          case SENT -> "sent to " + v.served() + " recipients; reopen to change it";
          case REOPENED -> "reopened after sending to " + v.served() + " recipients";
        }
        + review;
  }

  private static void section(
      PrintWriter out, Review.View v, String name, List<Digest.Item> items, ZoneId zone) {
    out.println();
    out.println(name);
    for (Digest.Item i : items) {
      out.printf(
          "  %3d %s %s%n",
          v.numbers().getOrDefault(i.id(), 0), v.pinned().contains(i.id()) ? "*" : " ", i.title());
      out.printf("        %s · %s · %s%n", i.id(), i.sourceName(), Times.day(i.published(), zone));
    }
  }

  static void json(PrintWriter out, Review.View v) throws IOException {
    try (Json json = new Json(out)) {
      JsonGenerator g = json.gen();
      Digest d = v.letter();
      g.writeStartObject();
      g.writeStringField("week", v.week());
      g.writeStringField("newsletter", v.audience().id());
      g.writeBooleanField("approved", v.approvedAt().isPresent());
      g.writeStringField("edito", v.edito().orElse(null));
      g.writeStringField("state", v.state().name().toLowerCase(java.util.Locale.ROOT));
      g.writeBooleanField("review", v.audience().review());
      g.writeArrayFieldStart("headlines");
      for (Digest.Item i : d.headlines()) {
        item(json, v, i);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("sections");
      List<Digest.Section> all = new java.util.ArrayList<>(d.sections());
      all.add(d.others());
      for (Digest.Section s : all) {
        g.writeStartObject();
        g.writeStringField("topic", s.topic());
        g.writeStringField("name", s.name());
        g.writeArrayFieldStart("items");
        for (Digest.Item i : s.items()) {
          item(json, v, i);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      json.strings("hidden", v.hidden().stream().map(Digest.Item::id).toList());
      g.writeObjectFieldStart("changes");
      g.writeBooleanField("first_look", v.firstLook());
      json.strings("arrived", v.arrived().stream().map(Digest.Item::id).toList());
      g.writeArrayFieldStart("gone");
      for (Review.Gone x : v.gone()) {
        g.writeStartObject();
        g.writeStringField("id", x.id());
        g.writeStringField("title", x.title());
        g.writeStringField("why", x.why());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      json.strings("notes", v.notes());
      g.writeEndObject();
    }
    out.println();
  }

  private static void item(Json json, Review.View v, Digest.Item i) throws IOException {
    JsonGenerator g = json.gen();
    g.writeStartObject();
    g.writeNumberField("n", v.numbers().getOrDefault(i.id(), 0));
    g.writeStringField("id", i.id());
    g.writeStringField("title", i.title());
    g.writeStringField("url", i.url());
    g.writeStringField("source", i.source());
    json.strings("sources", i.sources());
    g.writeStringField("published", Times.iso(i.published()));
    g.writeStringField("summary", i.summary());
    json.strings("topics", i.topics());
    g.writeBooleanField("pinned", v.pinned().contains(i.id()));
    g.writeEndObject();
  }
}
