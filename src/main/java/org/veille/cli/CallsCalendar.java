package org.veille.cli;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.veille.app.Calls;
import org.veille.calls.Call;
import org.veille.store.StoredItem;

/**
 * The calls as an iCalendar file that Outlook or Thunderbird imports: one event per deadline (the
 * next and, for a staged call, the final one), all day or at the hour the call gives, with a UID
 * that stays the same from one export to the next so that importing again updates the events.
 */
final class CallsCalendar {
  private CallsCalendar() {}

  static String write(List<Calls.Listed> calls, Instant now) {
    ICalendar ical = new ICalendar();
    ical.setProductId("-//Veille//Calls for projects//FR");
    ical.setName("Veille – appels à projets");
    for (Calls.Listed l : calls) {
      Call c = l.call();
      if (c.deadline() == null) {
        continue;
      }
      ical.addEvent(event(l.item(), c, c.deadline(), c.time() != null, "deadline", now));
      if (c.finalDeadline() != null) {
        ical.addEvent(event(l.item(), c, c.finalDeadline(), false, "final", now));
      }
    }
    return Biweekly.write(ical).go();
  }

  private static VEvent event(
      StoredItem i, Call c, LocalDate day, boolean timed, String which, Instant now) {
    boolean french = !"en".equals(i.lang());
    VEvent e = new VEvent();
    e.setUid(i.id() + "-" + which + "@veille");
    e.setDateTimeStamp(Date.from(now));
    String label =
        which.equals("final")
            ? (french ? "Clôture finale : " : "Final deadline: ")
            : (french ? "Clôture : " : "Deadline: ");
    e.setSummary(label + i.title());
    StringBuilder d = new StringBuilder();
    i.link().ifPresent(u -> d.append(u).append("\n\n"));
    d.append(i.title()).append('\n');
    d.append(french ? "Source : " : "Source: ").append(i.source());
    if (c.finalDeadline() != null && which.equals("deadline")) {
      d.append('\n')
          .append(french ? "Clôture finale : " : "Final deadline: ")
          .append(c.finalDeadline());
    }
    e.setDescription(d.toString());
    i.link().ifPresent(e::setUrl);
    e.addCategories(french ? "Appel à projets" : "Call for projects");
    if (timed) {
      Instant at = day.atTime(c.time()).atZone(c.zoneId()).toInstant();
      e.setDateStart(new DateStart(Date.from(at), true));
      e.setDateEnd(new DateEnd(Date.from(at.plusSeconds(30 * 60)), true));
    } else {
      // biweekly writes a date without time in the JVM's zone: give it that zone's midnight
      ZoneId local = ZoneId.systemDefault();
      e.setDateStart(new DateStart(Date.from(day.atStartOfDay(local).toInstant()), false));
      e.setDateEnd(new DateEnd(Date.from(day.plusDays(1).atStartOfDay(local).toInstant()), false));
    }
    return e;
  }
}
