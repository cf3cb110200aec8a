package org.veille.digest;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The newsletter's words, dates and numbers in French or English, with French typography in French:
 * "1er décembre", "du 23 au 29 novembre", a narrow no-break space before {@code : ; ? !} and inside
 * « », so that a colon never starts a line.
 */
record Labels(
    Locale locale,
    String headlines,
    String others,
    String nothingNew,
    String itemsOfSources,
    String thisWeek,
    String inPeriod,
    String week,
    String editorNote,
    String brokenSources,
    String readMore,
    String footer,
    String unsubscribe) {

  static final Labels FR =
      new Labels(
          Locale.FRENCH,
          "À la une",
          "Autres actualités",
          "Rien de nouveau sur cette période.",
          "%s article%s de %s source%s",
          " cette semaine",
          " sur la période",
          "semaine %d",
          "Note pour l'éditeur",
          "Sources en panne",
          "Lire",
          "Lettre préparée avec Veille à partir de %s sources suivies.",
          "Se désabonner");

  /** The line under an item that names its communes: "Communes : Saint-Denis, Montreuil". */
  String communes(java.util.List<String> names) {
    String label = names.size() == 1 ? "Commune" : "Communes";
    String colon = locale.getLanguage().equals("fr") ? "\u00A0: " : ": ";
    return label + colon + String.join(", ", names);
  }

  /** The name of the section of calls for projects. */
  String calls() {
    return french() ? "Appels à projets" : "Calls for projects";
  }

  /** The line under a call: "Clôture le 15 mars 2027" (with the hour when given), or rolling. */
  String closes(org.veille.calls.Call call) {
    java.time.LocalDate day = call.deadline() != null ? call.deadline() : call.finalDeadline();
    if (day == null) {
      return call.rolling() ? (french() ? "Dépôt au fil de l'eau" : "Rolling applications") : "";
    }
    String date =
        firstOfMonth(
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day),
            day.getDayOfMonth());
    String time =
        call.time() == null
            ? ""
            : french()
                ? " à "
                    + call.time().getHour()
                    + " h"
                    + (call.time().getMinute() == 0
                        ? ""
                        : String.format("%02d", call.time().getMinute()))
                : ", " + call.time();
    return (french() ? "Clôture le " : "Closes ") + date + time;
  }

  /** The other sources that carried a story: "aussi dans : Localtis, La Gazette". */
  String alsoIn(java.util.List<String> names) {
    boolean fr = locale.getLanguage().equals("fr");
    return (fr ? "aussi dans\u00A0: " : "also in: ") + String.join(", ", names);
  }

  static final Labels EN =
      new Labels(
          Locale.ENGLISH,
          "Headlines",
          "Other news",
          "Nothing new in this period.",
          "%s article%s from %s source%s",
          " this week",
          " in this period",
          "week %d",
          "Note for the editor",
          "Broken sources",
          "Read",
          "Compiled with Veille from %s watched sources.",
          "Unsubscribe");

  String nothingNewThisWeek() {
    return locale.getLanguage().equals("fr")
        ? "Rien de nouveau cette semaine."
        : "Nothing new this week.";
  }

  static Labels of(String locale) {
    return "en".equals(locale) ? EN : FR;
  }

  /** The narrow no-break space of French typography. */
  static final char NARROW_NBSP = '\u202f';

  private static final java.util.regex.Pattern SPACE_BEFORE_MARK =
      java.util.regex.Pattern.compile("(?<=\\S)[ \\u00a0\\u202f]+(?=[:;?!](?:\\s|$|[»\\)]))");
  private static final java.util.regex.Pattern AFTER_OPENING_QUOTE =
      java.util.regex.Pattern.compile("«[ \\u00a0\\u202f]*(?=\\S)");
  private static final java.util.regex.Pattern BEFORE_CLOSING_QUOTE =
      java.util.regex.Pattern.compile("(?<=\\S)[ \\u00a0\\u202f]*»");

  boolean french() {
    return locale.getLanguage().equals("fr");
  }

  /**
   * {@code text} with French spacing when the letter is in French: the space a writer put before
   * {@code : ; ? !} becomes a narrow no-break space (none is added where there was none, so
   * "https://", "10:30" and English titles stay as they are), and « » hold one inside. English
   * letters are left alone.
   */
  String typography(String text) {
    if (!french() || text == null || text.isEmpty()) {
      return text;
    }
    String t = SPACE_BEFORE_MARK.matcher(text).replaceAll(String.valueOf(NARROW_NBSP));
    t = AFTER_OPENING_QUOTE.matcher(t).replaceAll("«" + NARROW_NBSP);
    return BEFORE_CLOSING_QUOTE.matcher(t).replaceAll(NARROW_NBSP + "»");
  }

  /** The colon after a label: " :" with a narrow no-break space in French, ":" in English. */
  String colon() {
    return french() ? NARROW_NBSP + ":" : ":";
  }

  /** The first of the month is "1er" in French: "1er décembre", "1er déc. 2026". */
  private String firstOfMonth(String formatted, int dayOfMonth) {
    return french() && dayOfMonth == 1 ? formatted.replaceFirst("^1(?=\\s)", "1er") : formatted;
  }

  String number(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n).replace('\u202f', '\u00a0');
  }

  String counts(int items, int sources, boolean week) {
    return String.format(
            locale,
            itemsOfSources,
            number(items),
            items > 1 ? "s" : "",
            number(sources),
            sources > 1 ? "s" : "")
        + (week ? thisWeek : inPeriod);
  }

  /** "du 16 au 22 novembre 2026" / "16–22 November 2026". */
  String period(Period p) {
    LocalDate a = p.firstDay();
    LocalDate b = p.lastDay();
    DateTimeFormatter dayMonthYear = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
    DateTimeFormatter dayMonth = DateTimeFormatter.ofPattern("d MMMM", locale);
    boolean fr = locale.getLanguage().equals("fr");
    String start;
    if (a.getYear() != b.getYear()) {
      start = dayMonthYear.format(a);
    } else if (a.getMonth() != b.getMonth()) {
      start = dayMonth.format(a);
    } else {
      start = String.valueOf(a.getDayOfMonth());
    }
    String end = firstOfMonth(dayMonthYear.format(b), b.getDayOfMonth());
    if (fr && a.getDayOfMonth() == 1) {
      start = start.equals("1") ? "1er" : firstOfMonth(start, 1);
    }
    return fr ? "du " + start + " au " + end : start + "–" + end;
  }

  /** The subject: the title and the period. */
  String subject(String title, Period p) {
    String span = period(p);
    return p.isoWeek()
        ? title
            + " — "
            + String.format(locale, week, p.weekNumber())
            + " ("
            + (span.startsWith("du ") ? span.substring(3) : span)
            + ")"
        : title + " — " + span;
  }

  String date(Instant t, ZoneId zone) {
    var day = t.atZone(zone);
    return firstOfMonth(
        DateTimeFormatter.ofPattern("d MMM yyyy", locale).format(day), day.getDayOfMonth());
  }
}
