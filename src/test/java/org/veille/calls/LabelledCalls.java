package org.veille.calls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The labelled calls of {@code labelled/calls/*.txt}, and how the rules score on them. */
final class LabelledCalls {

  /** One labelled item and what a reader finds in it. */
  record Labelled(
      String id,
      LocalDate published,
      String lang,
      String title,
      String text,
      boolean call,
      LocalDate deadline,
      LocalTime time,
      LocalDate finalDeadline,
      boolean rolling) {

    Call read() {
      return CallReader.read(title, text, published.atTime(9, 0).toInstant(ZoneOffset.UTC), false);
    }
  }

  static List<Labelled> read(String name) throws IOException {
    String all;
    try (InputStream in = LabelledCalls.class.getResourceAsStream("/labelled/calls/" + name)) {
      all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Labelled> out = new ArrayList<>();
    for (String block : all.split("\n## ")) {
      if (block.startsWith("#") || block.isBlank()) {
        continue;
      }
      String[] lines = block.split("\n");
      String id = lines[0].strip();
      LocalDate published = null;
      String lang = null, title = null, text = null, expect = null;
      for (String l : lines) {
        int colon = l.indexOf(": ");
        if (colon < 0) {
          continue;
        }
        String key = l.substring(0, colon);
        String value = l.substring(colon + 2).strip();
        switch (key) {
          case "published" -> published = LocalDate.parse(value);
          case "lang" -> lang = value;
          case "title" -> title = value;
          case "text" -> text = value;
          case "expect" -> expect = value;
          default -> {}
        }
      }
      if (published == null || title == null || text == null || expect == null) {
        throw new IllegalStateException(name + ": item " + id + " lacks a field");
      }
      boolean call = !expect.equals("none");
      LocalDate deadline = null, fin = null;
      LocalTime time = null;
      boolean rolling = false;
      for (String w : expect.split("\\s+")) {
        if (w.startsWith("deadline=")) {
          deadline = LocalDate.parse(w.substring(9));
        } else if (w.startsWith("time=")) {
          time = LocalTime.parse(w.substring(5));
        } else if (w.startsWith("final=")) {
          fin = LocalDate.parse(w.substring(6));
        } else if (w.equals("rolling")) {
          rolling = true;
        }
      }
      out.add(new Labelled(id, published, lang, title, text, call, deadline, time, fin, rolling));
    }
    return out;
  }

  /** The scores of a set. */
  record Score(
      int items,
      int withDeadline,
      int exact,
      int output,
      int correctOutput,
      int calls,
      int detected,
      int detectedRight,
      int timesRight,
      int timesExpected,
      List<String> misses) {

    /** Of the items whose label has a deadline, the share read exactly (the date). */
    double exactAccuracy() {
      return withDeadline == 0 ? 1 : (double) exact / withDeadline;
    }

    /** Of the deadlines the rules gave, the share that are the labelled one. */
    double precision() {
      return output == 0 ? 1 : (double) correctOutput / output;
    }

    double callPrecision() {
      return detected == 0 ? 1 : (double) detectedRight / detected;
    }

    double callRecall() {
      return calls == 0 ? 1 : (double) detectedRight / calls;
    }

    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "%d items: deadlines exact %d/%d (%.3f), precision %d/%d (%.3f), times %d/%d; calls P %.3f R %.3f",
          items,
          exact,
          withDeadline,
          exactAccuracy(),
          correctOutput,
          output,
          precision(),
          timesRight,
          timesExpected,
          callPrecision(),
          callRecall());
    }
  }

  static Score score(List<Labelled> set) {
    int withDeadline = 0, exact = 0, output = 0, correctOutput = 0, calls = 0, detected = 0;
    int detectedRight = 0, timesRight = 0, timesExpected = 0;
    List<String> misses = new ArrayList<>();
    for (Labelled l : set) {
      Call c = l.read();
      if (l.call()) {
        calls++;
      }
      if (c.isCall()) {
        detected++;
        if (l.call()) {
          detectedRight++;
        }
      }
      boolean dateRight = java.util.Objects.equals(c.deadline(), l.deadline());
      if (l.deadline() != null) {
        withDeadline++;
        if (dateRight) {
          exact++;
        }
      }
      if (c.deadline() != null) {
        output++;
        if (dateRight) {
          correctOutput++;
        }
      }
      if (l.time() != null) {
        timesExpected++;
        if (dateRight && l.time().equals(c.time())) {
          timesRight++;
        }
      }
      boolean right =
          c.isCall() == l.call()
              && dateRight
              && java.util.Objects.equals(c.time(), l.time())
              && java.util.Objects.equals(c.finalDeadline(), l.finalDeadline())
              && c.rolling() == l.rolling();
      if (!right) {
        misses.add(
            l.id()
                + ": expected call="
                + l.call()
                + " "
                + l.deadline()
                + " "
                + l.time()
                + " final="
                + l.finalDeadline()
                + (l.rolling() ? " rolling" : "")
                + ", got "
                + c);
      }
    }
    return new Score(
        set.size(),
        withDeadline,
        exact,
        output,
        correctOutput,
        calls,
        detected,
        detectedRight,
        timesRight,
        timesExpected,
        misses);
  }
}
