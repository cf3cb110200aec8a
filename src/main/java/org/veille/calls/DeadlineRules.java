package org.veille.calls;

import static org.veille.calls.DeadlineTables.AFTER_DEADLINE;
import static org.veille.calls.DeadlineTables.CUES;
import static org.veille.calls.DeadlineTables.DATE;
import static org.veille.calls.DeadlineTables.LIST_GAP;
import static org.veille.calls.DeadlineTables.RANGE_GAP;
import static org.veille.calls.DeadlineTables.ROLLING;
import static org.veille.calls.DeadlineTables.SHORT_RANGE;
import static org.veille.calls.DeadlineTables.TIME;
import static org.veille.calls.DeadlineTables.TIME_BEFORE;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.veille.calls.DeadlineTables.Cue;
import org.veille.calls.DeadlineTables.Role;

/**
 * The deadline of a call, read from its text by hand-written rules, in three tables ({@link
 * DeadlineTables}).
 *
 * <ol>
 *   <li>{@link DeadlineTables#DATE}: the ways a day is written ("1er juin", "lundi 16 mars 2026",
 *       "17 September 2026", "June 5", "15/03/2026", "19.06.2026", "15/03", "2026-03-15"), and
 *       {@link DeadlineTables#TIME} the hour that may follow ("à 12h", "17:00 CET", "midi",
 *       "minuit", "noon", "11:59 pm (Paris time)"). A day that does not exist ("31 février") is no
 *       date.
 *   <li>{@link DeadlineTables#CUES}: the words before a date, in its sentence, that say what the
 *       date is: a deadline ("date limite", "clôture", "jusqu'au", "deadline", "closes on", "no
 *       later than"), or something else (an opening, an event, results, a project start, a past
 *       edition). The strong cue nearest the date decides; a weak one ("avant le", "by", "before",
 *       "until") counts only when no strong cue is in the sentence, or after an opening ("open
 *       until"). A range ("du 2 au 31 mai", "from 1 to 30 June") ends on a deadline unless its
 *       sentence is about an event; a list ("16 octobre, 15 janvier et 12 mars") shares the role of
 *       its first date.
 *   <li>{@link DeadlineTables#ROLLING}: the phrases of a call read as applications come ("au fil de
 *       l'eau", "en continu", "rolling basis"): a call with no deadline.
 * </ol>
 *
 * <p>A date without a year takes the year of publication, or the next one when the day would fall
 * before publication ("15 janvier" in a December item); a weekday picks the year it matches. A
 * deadline before publication (a past edition) is dropped. Of the deadlines left, the first is the
 * next one an applicant must meet and the last is the final one. Vague dates ("mi-juillet", "fin
 * septembre") name no day and give none.
 */
public final class DeadlineRules {

  /** How far before a date its cues are read, at most. */
  private static final int WINDOW = 140;

  /** Items longer than this are read up to here: calls give their dates early. */
  static final int MAX_CHARS = 200_000;

  private DeadlineRules() {}

  /** A date found in the text, with what the cues say it is. */
  record Mention(int start, int end, LocalDate date, LocalTime time, String zone, Role role) {}

  /**
   * The deadline of a call of kind {@code kind} published on {@code published} (the reference for
   * dates without a year), read in {@code title} and {@code text}.
   */
  public static Call read(String kind, String title, String text, LocalDate published) {
    String folded = Folding.fold(title) + "\n" + Folding.fold(text);
    if (folded.length() > MAX_CHARS) {
      folded = folded.substring(0, MAX_CHARS);
    }
    int titleEnd = folded.indexOf('\n');
    List<Mention> mentions = mentions(folded, published);
    TreeMap<LocalDate, Mention> deadlines = new TreeMap<>();
    for (Mention m : mentions) {
      if (m.role() == Role.DEADLINE && !m.date().isBefore(published)) {
        deadlines.merge(m.date(), m, DeadlineRules::withTime);
      }
    }
    if (deadlines.isEmpty()) {
      // a call whose title carries a date and no cue: "AAP Tiers-lieux - 15 mars 2026"
      for (Mention m : mentions) {
        if (m.end() <= titleEnd && m.role() == Role.NONE && !m.date().isBefore(published)) {
          deadlines.merge(m.date(), m, DeadlineRules::withTime);
        }
      }
    }
    if (deadlines.isEmpty()) {
      return new Call(kind, null, null, null, null, ROLLING.matcher(folded).find());
    }
    Mention next = deadlines.firstEntry().getValue();
    LocalDate last = deadlines.lastKey();
    return new Call(
        kind, next.date(), next.time(), last.equals(next.date()) ? null : last, next.zone(), false);
  }

  /** Two mentions of one day: the one with an hour. */
  private static Mention withTime(Mention a, Mention b) {
    return a.time() != null ? a : b.time() != null ? b : a;
  }

  /** Every date of the text, in order, with its role. */
  static List<Mention> mentions(String folded, LocalDate published) {
    List<Mention> out = new ArrayList<>();
    Matcher m = DATE.matcher(folded);
    Matcher time = TIME.matcher(folded);
    int previousEnd = 0;
    Role previousRole = Role.NONE;
    Role previousContext = Role.NONE;
    while (m.find()) {
      LocalDate date = DayAndTime.date(m, published);
      if (date == null) {
        continue; // "31 février", "45/13": no such day
      }
      int start = m.start();
      int sentence = sentenceStart(folded, start);
      boolean sameSentence = previousEnd > sentence && !out.isEmpty();
      String gap = sameSentence ? folded.substring(previousEnd, start) : null;
      Role role;
      Role context;
      if (gap != null && RANGE_GAP.matcher(gap).matches() && previousRole == Role.RANGE_START) {
        context = previousContext;
        role = rangeEnd(context);
      } else if (gap != null && LIST_GAP.matcher(gap).matches()) {
        role = previousRole;
        context = previousContext;
      } else {
        int from = Math.max(sameSentence ? previousEnd : sentence, start - WINDOW);
        String window = folded.substring(from, start);
        Matcher shortRange = SHORT_RANGE.matcher(window);
        if (shortRange.find()) {
          context = role(window.substring(0, shortRange.start()), true);
          role = rangeEnd(context);
        } else {
          role = role(window, false);
          context = role == Role.RANGE_START ? role(window, true) : role;
        }
        if (role == Role.NONE
            && AFTER_DEADLINE.matcher(folded).region(m.end(), folded.length()).lookingAt()) {
          role = Role.DEADLINE;
        }
      }
      LocalTime hour = null;
      String zone = null;
      int end = m.end();
      time.region(m.end(), Math.min(folded.length(), m.end() + 60));
      if (time.lookingAt() && time.end() - m.end() <= 40) {
        hour = DayAndTime.time(time);
        zone = DayAndTime.zone(time.group("zone"));
        end = hour == null ? end : time.end();
      }
      if (hour == null) {
        Matcher before = TIME_BEFORE.matcher(folded);
        before.region(Math.max(0, start - 24), start);
        if (before.find()) {
          hour = DayAndTime.timeBefore(before);
        }
      }
      out.add(new Mention(start, m.end(), date, hour, zone, role));
      previousEnd = end;
      previousRole = role;
      previousContext = context;
    }
    return out;
  }

  /** The end of a range is a deadline unless the range is an event, results or a project. */
  private static Role rangeEnd(Role context) {
    return switch (context) {
      case EVENT, RESULT, START, PUBLISHED, PAST -> context;
      default -> Role.DEADLINE;
    };
  }

  /**
   * The role the cues of {@code window} (the words before a date, in its sentence) give: the strong
   * cue nearest the date, else a weak deadline cue, else none. {@code outer}: ignore the cue that
   * opens a range, to read what the range is.
   */
  static Role role(String window, boolean outer) {
    Role best = Role.NONE;
    int bestEnd = -1;
    int bestLength = 0;
    boolean weakDeadline = false;
    int weakEnd = -1;
    for (Cue cue : CUES) {
      if (outer && cue.role() == Role.RANGE_START) {
        continue;
      }
      Matcher c = cue.pattern().matcher(window);
      int end = -1;
      int length = 0;
      while (c.find()) {
        end = c.end();
        length = c.end() - c.start();
      }
      if (end < 0) {
        continue;
      }
      if (cue.weak()) {
        weakDeadline = true;
        weakEnd = Math.max(weakEnd, end);
      } else if (end > bestEnd || (end == bestEnd && length > bestLength)) {
        best = cue.role();
        bestEnd = end;
        bestLength = length;
      }
    }
    if (best == Role.NONE && weakDeadline) {
      return Role.DEADLINE;
    }
    if (best == Role.OPENING && weakEnd > bestEnd) {
      return Role.DEADLINE; // "open until", "ouvert avant": the end of an opening
    }
    return best;
  }

  /**
   * The start of the sentence holding {@code at}: after the last ". ", "! ", "? ", "; " or line.
   */
  private static int sentenceStart(String s, int at) {
    int floor = Math.max(0, at - WINDOW);
    for (int i = at - 1; i >= floor; i--) {
      char c = s.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if ((c == '.' || c == '!' || c == '?' || c == ';')
          && i + 1 < s.length()
          && s.charAt(i + 1) == ' '
          && !abbreviation(s, i)) {
        return i + 1;
      }
    }
    return floor;
  }

  /** "janv. 2026", "sept. 15", "n. 3": a dot that ends a short word does not end a sentence. */
  private static boolean abbreviation(String s, int dot) {
    int i = dot - 1;
    while (i >= 0 && Character.isLetter(s.charAt(i))) {
      i--;
    }
    String word = s.substring(i + 1, dot);
    return word.matches(
        "janv|fevr|fev|avr|juil|sept|oct|nov|dec|jan|feb|mar|apr|jun|jul|aug|sep|st|no|n|m|mme|dr|p|a|e");
  }
}
