package org.veille.calls;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The tables {@link DeadlineRules} reads a deadline with, all on folded text (see {@link Folding}):
 * {@link #DATE} and {@link #TIME}, the ways a day and an hour are written; {@link #CUES}, the words
 * before a date that say what it is; {@link #ROLLING}, the phrases of a call with no deadline; and
 * the small patterns of ranges, lists and hours written before their date. Adding a way of writing
 * a deadline is a row here; how the rows are weighed is in {@link DeadlineRules}.
 */
final class DeadlineTables {

  /** What a date is, by the cue before it. */
  enum Role {
    DEADLINE,
    OPENING,
    EVENT,
    RESULT,
    START,
    PUBLISHED,
    PAST,
    /** "du", "from", "between": the first date of a range. */
    RANGE_START,
    NONE
  }

  /** One row of {@link #CUES}: a role, the words that show it, whether it is weak. */
  record Cue(Role role, Pattern pattern, boolean weak) {}

  private static Cue strong(Role role, String regex) {
    return new Cue(role, Pattern.compile(regex), false);
  }

  private static Cue weak(String regex) {
    return new Cue(Role.DEADLINE, Pattern.compile(regex), true);
  }

  /** The cues, read on folded text (lower case, no accents: see {@link Folding}). */
  static final List<Cue> CUES =
      List.of(
          // deadlines, French
          strong(Role.DEADLINE, "\\bdates?\\s+(limites?|butoirs?)\\b"),
          strong(
              Role.DEADLINE, "\\blimite\\s+de\\s+(depot|candidature|reception|remise|soumission)"),
          strong(Role.DEADLINE, "\\bclotur\\w*"),
          strong(Role.DEADLINE, "\\bclos(e|es)?\\s+le\\b"),
          strong(Role.DEADLINE, "\\bfin\\s+des\\s+(candidatures|inscriptions|depots)\\b"),
          strong(Role.DEADLINE, "\\becheance\\b"),
          strong(Role.DEADLINE, "\\bjusqu'?\\s*(au|a|le)\\b"),
          strong(Role.DEADLINE, "\\bau\\s+plus\\s+tard\\b"),
          strong(Role.DEADLINE, "\\bd'ici\\s+le\\b"),
          strong(
              Role.DEADLINE,
              "\\b(remise|depot|envoi|retour|reception)\\s+des\\s+(dossiers|candidatures|projets|propositions|offres|lettres)"),
          strong(
              Role.DEADLINE,
              "\\b(reponses?|dossiers?|candidatures?|propositions?)\\s+(sont\\s+)?(attendu|recu|accepte)e?s?\\b"),
          strong(Role.DEADLINE, "\\b(releves?|vagues?)\\b"),
          strong(Role.DEADLINE, "\\bsessions?(\\s+n?°?\\s*\\d+)?\\s*[:,]?\\s*$"),
          strong(
              Role.DEADLINE,
              "\\b(premiere|seconde|deuxieme|troisieme|derniere|1re|2e|3e)\\s+(etape|releve|vague|session)\\b"),
          strong(Role.DEADLINE, "\\betape\\s*\\d\\b"),
          strong(Role.DEADLINE, "\\b(repousse|prolonge|reporte|decale)e?s?\\s+(au|a|jusqu'au)\\b"),
          // deadlines, English
          strong(Role.DEADLINE, "\\bdeadlines?\\b"),
          strong(Role.DEADLINE, "\\bclosing\\s+date\\b"),
          strong(Role.DEADLINE, "\\bclos(e|es|ing)\\b(\\s+on)?"),
          strong(Role.DEADLINE, "\\bcut-?\\s?off\\b"),
          strong(Role.DEADLINE, "\\bno\\s+later\\s+than\\b"),
          strong(
              Role.DEADLINE, "\\b(apply|submit(ted)?|received|register)\\s+(by|before|until)\\b"),
          strong(Role.DEADLINE, "\\b(are|is)\\s+due\\b"),
          strong(
              Role.DEADLINE,
              "\\b(submit\\w*|apply|deposer|deposes?|envoyer|envoyes?|transmettre|remettre)\\b[^.]{0,50}\\b(by|before|until|avant\\s+le|avant|jusqu'au)\\s*$"),
          strong(
              Role.DEADLINE,
              "\\b(stage|round|wave)\\s*\\d\\b|\\b(first|second|final)\\s+(stage|round)\\b"),
          strong(Role.DEADLINE, "\\bextended\\s+(to|until)\\b"),
          // weak deadlines: only when nothing stronger is in the sentence
          weak("\\bavant\\s+(le\\s+)?$"),
          weak("\\b(by|before|until|till|due)\\s+(the\\s+)?$"),
          // openings
          strong(Role.OPENING, "\\bouverture\\b"),
          strong(
              Role.OPENING,
              "\\bouvert(e|s|es)?\\s+(a\\s+partir\\s+du|des\\s+le|depuis\\s+le|le)\\b"),
          strong(Role.OPENING, "\\b(a\\s+partir|a\\s+compter)\\s+du\\b"),
          strong(Role.OPENING, "\\b(des|depuis)\\s+le\\b"),
          strong(Role.OPENING, "\\blancement\\b"),
          strong(
              Role.OPENING,
              "\\bopens?\\b(\\s+on)?|\\bopening\\b|\\bas\\s+of\\b|\\blaunch(ed|es)?\\s+on\\b"),
          // events
          strong(Role.EVENT, "\\bwebinaires?\\b|\\bwebinars?\\b"),
          strong(Role.EVENT, "\\breunions?\\b|\\bseances?\\b|\\bvisites?\\b|\\bvisioconference\\b"),
          strong(
              Role.EVENT,
              "\\b(aura|auront|a eu|ont eu)\\s+lieu\\b|\\bse\\s+(tiendr|tien|deroul)\\w*"),
          strong(
              Role.EVENT,
              "\\bjournees?\\s+(d'information|portes)|\\binfo\\s*(day|session)s?\\b|\\bbriefing\\b|\\bseminars?\\b|\\bsessions?\\s+(d'information|de\\s+questions)"),
          strong(
              Role.EVENT,
              "\\btakes?\\s+place\\b|\\bwill\\s+be\\s+held\\b|\\bheld\\s+on\\b|\\bevent\\b"),
          strong(
              Role.EVENT,
              "\\bceremon\\w+|\\bremise\\s+des\\s+(prix|trophees)\\b|\\bfinale?\\b|\\bdemo\\s+day\\b|\\bpitch\\w*"),
          strong(
              Role.EVENT,
              "\\bentretiens?\\b|\\binterviews?\\b|\\bauditions?\\b|\\bjury\\b|\\bcomites?\\b|\\bcommissions?\\b|\\btirage\\s+au\\s+sort\\b"),
          strong(
              Role.EVENT,
              "\\bvotes?\\b|\\bconferences?\\b|\\bforums?\\b|\\bsalons?\\b|\\bsummit\\b|\\bexpositions?\\b|\\bpresentations?\\b|\\bformations?\\b|\\btraining\\b|\\bweekend\\b"),
          strong(
              Role.EVENT,
              "\\bruns?\\b|\\bbootcamps?\\b|\\bateliers?\\b|\\bworkshops?\\b|\\bhackathons?\\b"),
          strong(
              Role.EVENT,
              "\\bcontact\\w*|\\bquestions?\\b|\\brenseignements?\\b|\\binscri\\w+\\s+(au|a la|aux)\\s+(webinaire|reunion|session|atelier)"),
          // results
          strong(
              Role.RESULT,
              "\\bresultats?\\b|\\blaureats?\\b|\\bannonc\\w+|\\bnotifi\\w+|\\bselection\\w*|\\bselected\\b|\\bdecisions?\\b|\\bresults?\\b|\\bwinners?\\b|\\bcommuniqu\\w+|\\bshortlist\\w*|\\bfinalists?\\b"),
          // project starts
          strong(
              Role.START,
              "\\bdebut\\w*|\\bdemarr\\w+|\\bcommenc\\w+|\\bstart\\w*|\\bbegin\\w*|\\bmise\\s+en\\s+(service|oeuvre)\\b|\\b(doivent|devront)\\s+se\\s+derouler\\b"),
          strong(
              Role.START,
              "\\bverse\\w*|\\bversements?\\b|\\bpaiements?\\b|\\bpaid\\b|\\bpayments?\\b"),
          // the item's own dates
          strong(
              Role.PUBLISHED,
              "\\bpublie(e|s|es)?\\s+le\\b|\\bmis\\s+a\\s+jour\\b|\\bposted\\s+on\\b|\\bupdated\\s+on\\b"),
          // past editions, superseded dates
          strong(
              Role.PAST,
              "\\binitialement\\b|\\bprecedent\\w*|\\bl'an\\s+dernier\\b|\\bl'annee\\s+derniere\\b|\\blast\\s+year\\b|\\bprevious\\w*|\\bhad\\s+closed\\b|\\bavait\\b|\\betait\\s+fixee?\\b|\\boriginally\\b"),
          // ranges
          strong(Role.RANGE_START, "(\\bdu|\\bfrom|\\bbetween|\\bentre\\s+le)\\s*$"));

  /** "du 2 au 31 mai", "from 1 to 30 June": the end of a range whose start names only a day. */
  static final Pattern SHORT_RANGE =
      Pattern.compile(
          "(\\bdu|\\bfrom|\\bbetween|\\bentre\\s+le)\\s+(1er|\\d{1,2})(er|st|nd|rd|th)?\\s*(au|to|and|et\\s+le|-)\\s*$");

  /** Between two dates of a range ("1er mars au 15 avril"). */
  static final Pattern RANGE_GAP =
      Pattern.compile("^\\s*(au|a|-|to|until|till|and|et\\s+le|jusqu'au)\\s*(le\\s+)?$");

  /** Between two dates of a list ("16 octobre 2026, 15 janvier 2027 et 12 mars 2027"). */
  static final Pattern LIST_GAP =
      Pattern.compile("^\\s*(,|;|et|and|or|ou|puis|then|,\\s*et|,\\s*and)?\\s*(le\\s+|the\\s+)?$");

  /** A cue right after a date, as in "15 mars 2026 : clôture des candidatures". */
  static final Pattern AFTER_DEADLINE =
      Pattern.compile(
          "^\\s*[:-]\\s*(date\\s+limite|clotur\\w*|fin\\s+des\\s+candidatures|deadline|closing\\s+date|submission\\s+deadline)"
              + "|^\\s*,?\\s*(au\\s+plus\\s+tard|dernier\\s+delai|at\\s+the\\s+latest)\\b");

  /** An hour written before its date: "12 noon on 1 September", "by midnight on 14 August". */
  static final Pattern TIME_BEFORE =
      Pattern.compile(
          "(?:(?<h>\\d{1,2})(?:[:.h](?<min>\\d{2}))?\\s*(?<ap>a\\.?m\\.?|p\\.?m\\.?|noon|midday|h)?|(?<word>midi|minuit|noon|midday|midnight))\\s+(?:on|le)\\s+(?:the\\s+)?$");

  private static final String WEEKDAY =
      "(?:(?<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\.?,?\\s+(?:the\\s+)?)?";

  private static final String MONTH =
      "(?:septembre|september|sept|sep|janvier|january|janv|jan|fevrier|fevr|february|feb|fev|mars|march|mar|avril|april|avr|apr|mai|may|juin|june|jun|juillet|july|juil|jul|aout|august|aug|octobre|october|oct|novembre|november|nov|decembre|december|dec)";

  private static final String MONTH_EN =
      "(?:september|sept|sep|january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|october|oct|november|nov|december|dec)";

  /** The ways a day is written: one alternative per form, each with its named groups. */
  static final Pattern DATE =
      Pattern.compile(
          WEEKDAY
              + "(?:"
              // 16 mars 2026, 1er juin, 17 September 2026, 5th of June
              + "(?<![\\d.,/])(?<d1>1er|\\d{1,2})(?:er|st|nd|rd|th)?(?:\\s+of)?\\s*-?\\s*(?<m1>"
              + MONTH
              + ")\\.?(?![a-z])(?:,?\\s+(?<y1>\\d{4})(?!\\d))?"
              // June 5, September 30, 2026
              + "|(?<m2>"
              + MONTH_EN
              + ")\\.?\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:h])(?:,?\\s+(?<y2>\\d{4})(?!\\d))?"
              // 2026-03-15
              + "|(?<![\\d])(?<y5>\\d{4})-(?<m5>\\d{2})-(?<d5>\\d{2})(?!\\d)"
              // 15/03/2026, 19.06.2026, 15-03-26
              + "|(?<![\\d/.,])(?<d3>\\d{1,2})(?<sep>[/.-])(?<m3>\\d{1,2})\\k<sep>(?<y3>\\d{4}|\\d{2})(?![\\d]|[/.,]\\d)"
              // 15/03
              + "|(?<![\\d/.,])(?<d4>\\d{1,2})/(?<m4>\\d{2})(?![\\d/]|[.,]\\d)"
              + ")");

  /** The hour after a date. */
  static final Pattern TIME =
      Pattern.compile(
          "[\\s,(\\-]*(?:(?:a|at|avant|before|by|jusqu'a|until)\\s+)?(?:"
              + "(?<h1>\\d{1,2})\\s*(?:h|heures?)\\s*(?<min1>\\d{2})?(?![a-z0-9])"
              + "|(?<h2>\\d{1,2})[:.](?<min2>\\d{2})\\s*(?<ap2>a\\.?m\\.?|p\\.?m\\.?)?(?![a-z0-9])"
              + "|(?<h3>\\d{1,2})\\s*(?<ap3>a\\.?m\\.?|p\\.?m\\.?)(?![a-z0-9])"
              + "|(?<word>midi|minuit|noon|midday|midnight)\\b)"
              + "(?:\\s*\\(?\\s*(?:noon\\s+|midday\\s+|heure\\s+)?(?<zone>cest|cet|utc(?:\\s*[+-]\\s*\\d{1,2})?|gmt|bst|"
              + "heure\\s+de\\s+paris|heure\\s+francaise|de\\s+paris|heure\\s+de\\s+bruxelles|de\\s+bruxelles|brussels(?:\\s+local)?\\s+time|paris\\s+time|"
              + "central\\s+european(?:\\s+summer)?\\s+time|uk\\s+time|london\\s+time))?");

  /** Zones by the words that name them. */
  static final Map<String, String> ZONES =
      Map.ofEntries(
          Map.entry("cet", "Europe/Brussels"),
          Map.entry("cest", "Europe/Brussels"),
          Map.entry("brussels", "Europe/Brussels"),
          Map.entry("bruxelles", "Europe/Brussels"),
          Map.entry("central", "Europe/Brussels"),
          Map.entry("paris", "Europe/Paris"),
          Map.entry("francaise", "Europe/Paris"),
          Map.entry("utc", "UTC"),
          Map.entry("gmt", "UTC"),
          Map.entry("bst", "Europe/London"),
          Map.entry("uk", "Europe/London"),
          Map.entry("london", "Europe/London"));

  /** Phrases of a call with no deadline. */
  static final Pattern ROLLING =
      Pattern.compile(
          "\\bau\\s+fil\\s+de\\s+l'?\\s*eau\\b|\\ben\\s+continu\\b|\\ben\\s+permanence\\b|\\btout\\s+au\\s+long\\s+de\\s+l'annee\\b"
              + "|\\b(sans|pas\\s+de|aucune)\\s+date\\s+limite\\b|\\brolling\\b|\\bno\\s+(fixed\\s+)?deadline\\b|\\bopen[- ]ended\\b|\\bat\\s+any\\s+time\\b"
              + "|\\bcandidatures?\\s+permanentes?\\b");

  private DeadlineTables() {}
}
