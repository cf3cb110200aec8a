package org.veille.digest;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The newsletter's words, dates and numbers in French or English. */
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
    String end = dayMonthYear.format(b);
    return fr
        ? "du "
            + (a.getDayOfMonth() == 1 ? start.replaceFirst("^1\\b", "1er") : start)
            + " au "
            + end
        : start + "–" + end;
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
    return DateTimeFormatter.ofPattern(
            locale.getLanguage().equals("fr") ? "d MMM yyyy" : "d MMM yyyy", locale)
        .format(t.atZone(zone));
  }
}
