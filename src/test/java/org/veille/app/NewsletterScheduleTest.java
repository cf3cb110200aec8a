package org.veille.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.veille.digest.Period;
import org.veille.support.Week;
import org.veille.wiring.Wiring;

/**
 * The Monday job with {@code review: true}: an unapproved week is held and the editor told once,
 * however often the job runs; {@code unreviewed: send} lets the scheduled job send it anyway, while
 * a manual send still waits for approval.
 */
class NewsletterScheduleTest {
  @TempDir Path dir;

  @RegisterExtension
  final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private Newsletter newsletter(String unreviewed) throws Exception {
    Path config = dir.resolve("feeds.yaml");
    String smtp = Week.smtp(mail.getSmtp().getPort());
    Files.writeString(
        config,
        Week.config("fr", smtp)
            .replace(
                "max_items: 12", "max_items: 12\n    review: true\n    unreviewed: " + unreviewed));
    if (!Files.exists(dir.resolve("data/veille.db"))) {
      Week.store(config, dir.resolve("data"));
    }
    return new Newsletter(
        Context.of(config, dir.resolve("data"), Map.of("VEILLE_NOW", Week.NOW), new Wiring()));
  }

  private static List<Newsletter.Run> send(Newsletter n, boolean scheduled) throws Exception {
    Period week = Period.week(Week.NAME, ZoneId.of("Europe/Paris"));
    return n.send(week, null, Duration.ofSeconds(5), why -> {}, false, scheduled);
  }

  private List<String> received() throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      out.add(m.getHeader("To", null) + " | " + m.getSubject());
    }
    return out;
  }

  @Test
  void heldWeeksTellTheEditorOnceAcrossScheduledRuns() throws Exception {
    Newsletter n = newsletter("hold");
    for (int run = 0; run < 3; run++) {
      List<Newsletter.Run> runs = send(n, true);
      assertEquals(Newsletter.Outcome.HELD, runs.get(0).outcome());
    }
    List<String> got = received();
    assertEquals(1, got.size(), "one notice, no letter: " + got);
    assertTrue(got.get(0).startsWith("editeur@metropole.example | "), got.toString());
    assertTrue(got.get(0).contains("non validée"), got.toString());
  }

  @Test
  void unreviewedSendLetsOnlyTheScheduledJobSendAnUnapprovedWeek() throws Exception {
    Newsletter n = newsletter("send");
    List<Newsletter.Run> manual = send(n, false);
    assertEquals(Newsletter.Outcome.HELD, manual.get(0).outcome(), "a person sends approved weeks");
    assertEquals(0, received().size());
    List<Newsletter.Run> monday = send(n, true);
    assertEquals(Newsletter.Outcome.SENT, monday.get(0).outcome());
    assertTrue(
        monday.get(0).notes().contains("not approved; sent anyway (unreviewed: send)"),
        monday.get(0).notes().toString());
    assertEquals(4, received().size(), "three partners and the editor: " + received());
  }
}
