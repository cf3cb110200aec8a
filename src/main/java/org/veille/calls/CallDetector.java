package org.veille.calls;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Says whether an item is a call for projects, and of which kind, from the phrases of its title and
 * text. A phrase in the title is enough; in the text alone it must come with something an applicant
 * does (apply, submit, a deadline, a rolling intake): a news story that mentions "l'appel à projets
 * X" in passing is not a call. Announcements of winners and results are not calls.
 */
public final class CallDetector {

  /**
   * A kind of call and the phrase (folded, see {@link Folding}) that names it. {@code needs}: what
   * every match of the phrase holds at the start of its words, as alternatives each of words that
   * must all be there; a text that has none of them is not searched, since most texts name no call
   * at all and a search of the whole text costs far more than a look for a word.
   */
  private record Phrase(String kind, Pattern pattern, List<String[]> needs) {
    boolean in(String folded, BitSet present) {
      for (String[] all : needs) {
        if (allIn(all, present)) {
          return pattern.matcher(folded).find();
        }
      }
      return false;
    }

    private static boolean allIn(String[] words, BitSet present) {
      for (String w : words) {
        if (!present.get(NEEDED.index(w))) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * {@code needs}: alternatives separated by "|", each of words joined by "+" ("appel+projet": both
   * words begin a word in every match).
   */
  private static Phrase phrase(String kind, String needs, String regex) {
    List<String[]> alternatives =
        java.util.Arrays.stream(needs.split("\\|")).map(x -> x.split("\\+")).toList();
    return new Phrase(kind, Pattern.compile(regex), alternatives);
  }

  /** The European programmes whose name, with "call" or "appel" after it, makes a call. */
  private static final String PROGRAMMES =
      "horizon europe|eic accelerator|eic pathfinder|digital europe|creative europe|erasmus+"
          + "|programme life|life programme|interreg|european urban initiative|cef transport";

  /** Each programme with "call", then with "appel": the needs of the programme phrase. */
  private static String programmeNeeds() {
    List<String> out = new java.util.ArrayList<>();
    for (String p : PROGRAMMES.replace("+", "").split("\\|")) {
      out.add(p + "+call");
      out.add(p + "+appel");
    }
    return String.join("|", out);
  }

  /** The phrases, most specific first: the first that matches gives the kind. */
  private static final List<Phrase> PHRASES =
      List.of(
          phrase(
              "ami",
              "appel+manifestation",
              "\\bappels?\\s+a\\s+manifestations?\\s+d'\\s*interets?\\b"),
          phrase("aap", "appel+projet", "\\bappels?\\s+a\\s+projets?\\b"),
          phrase("candidatures", "appel+candidature", "\\bappels?\\s+a\\s+candidatures?\\b"),
          phrase(
              "propositions",
              "appel+proposition|appel+contribution|appel+idees",
              "\\bappels?\\s+a\\s+(propositions?|contributions?|idees)\\b"),
          phrase(
              "eu",
              "horizon-|digital-|life-|cef-|erasmus-|eu4h-|smp-|cerv-|crea-|eic-|interreg-",
              "\\b(horizon|digital|life|cef|erasmus|eu4h|smp|cerv|crea|eic|interreg)-[a-z0-9]+(-[a-z0-9]+)+\\b"),
          phrase(
              "proposals",
              "call+proposal|call+expression|call+tender|call+ideas",
              "\\bcalls?\\s+for\\s+(\\w+\\s+){0,2}(proposals?|expressions?\\s+of\\s+interest|tenders?|ideas)\\b"),
          phrase(
              "projects",
              "call+project|call+actions",
              "\\bcalls?\\s+for\\s+(\\w+\\s+){0,2}(projects?|actions)\\b"),
          phrase(
              "applications",
              "call+applica|call+candidates|call+participants|call+entries|call+nominations"
                  + "|call+submissions|call+papers|call+abstracts|open+call",
              "\\b(calls?\\s+for\\s+(\\w+\\s+){0,2}(applications?|applicants|candidates|participants|entries|nominations|submissions|papers|abstracts)|open\\s+call)\\b"),
          phrase(
              "concours",
              "concours",
              "(?<!avec le |grace au |le precieux )\\bconcours\\b(?!\\s+de\\s+(la|l')\\s*(police|gendarmerie))"),
          phrase(
              "eu",
              programmeNeeds(),
              "\\b(" + PROGRAMMES.replace("+", "\\+") + ")\\b.{0,200}\\b(call|appel)\\b"),
          phrase(
              "candidatures",
              "candidature+ouvert|application+open",
              "\\b(candidatures?\\s+(sont\\s+)?ouvertes?|ouverture\\s+des\\s+candidatures|applications?\\s+(are\\s+)?(now\\s+)?open|opens?\\s+applications)\\b"));

  /** Every word the phrases need, looked for in one pass over a text. */
  private static final WordStarts NEEDED =
      new WordStarts(
          PHRASES.stream()
              .flatMap(p -> p.needs().stream())
              .flatMap(java.util.Arrays::stream)
              .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));

  /** Words that make a funding item a call when it also says how to apply. */
  private static final Pattern FUNDING =
      Pattern.compile(
          "\\b(fonds|prets?\\s+d'honneur|aides?|subventions?|financements?|bourses?|prix|trophees|grants?|funding|fund|award|prize|challenge|programme\\s+d'accompagnement|accelerator|incubateur)\\b");

  /** What an applicant does, or a date or intake an applicant meets. */
  private static final Pattern APPLYING =
      Pattern.compile(
          "\\b(candidat\\w*|postuler|depos\\w*|depot|dossiers?\\s+de\\s+candidature|date\\s+limite|cloture|apply|applications?|submit\\w*|deadline|closes|closing|au\\s+fil\\s+de\\s+l'eau|en\\s+continu|rolling)\\b");

  /** An announcement of winners or results, not a call. */
  private static final Pattern RESULTS =
      Pattern.compile(
          "^\\W*(les\\s+|the\\s+)?(\\d+\\s+)?(laureats?|resultats?|results?|winners?|gagnants?)\\b|\\b(laureats?|winners?|gagnants?)\\b.{0,80}\\b(devoiles?|annonces?|connus|designes?|announced|revealed|selected|choisis|retenus)\\b");

  private CallDetector() {}

  /**
   * The kind of call the item is ({@link #KINDS}), or empty. {@code callSource}: the item comes
   * from a source marked {@code kind: calls}, whose every item is a call ("source" when no phrase
   * names the kind).
   */
  public static Optional<String> detect(String title, String text, boolean callSource) {
    String t = Folding.fold(title);
    String body = Folding.fold(text);
    if (!callSource && RESULTS.matcher(t).find()) {
      return Optional.empty();
    }
    Optional<String> inTitle = kind(t).or(() -> acronym(title));
    if (inTitle.isPresent()) {
      return inTitle;
    }
    Optional<String> inText = kind(body).or(() -> acronym(text));
    if (inText.isPresent()
        && (callSource || APPLYING.matcher(body).find() || APPLYING.matcher(t).find())) {
      return inText;
    }
    if (callSource) {
      return Optional.of("source");
    }
    if (FUNDING.matcher(t).find() && APPLYING.matcher(t + "\n" + body).find()) {
      return Optional.of("funding");
    }
    return Optional.empty();
  }

  /** "AAP", "AMI": read in capitals only ("un ami" is a friend). */
  private static final Pattern AAP = Pattern.compile("\\bAAP\\b");

  private static final Pattern AMI = Pattern.compile("\\bAMI\\b");

  private static Optional<String> acronym(String original) {
    if (original == null) {
      return Optional.empty();
    }
    if (original.contains("AMI") && AMI.matcher(original).find()) {
      return Optional.of("ami");
    }
    return original.contains("AAP") && AAP.matcher(original).find()
        ? Optional.of("aap")
        : Optional.empty();
  }

  private static Optional<String> kind(String folded) {
    BitSet present = NEEDED.in(folded);
    if (present.isEmpty()) {
      return Optional.empty();
    }
    for (Phrase p : PHRASES) {
      if (p.in(folded, present)) {
        return Optional.of(p.kind());
      }
    }
    return Optional.empty();
  }

  /** Every kind {@link #detect} gives. */
  public static final List<String> KINDS =
      List.of(
          "aap",
          "ami",
          "candidatures",
          "propositions",
          "concours",
          "proposals",
          "projects",
          "applications",
          "eu",
          "funding",
          "source");
}
