package org.veille.territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The places a watch knows: communes, territories and départements, and names of places outside
 * that look like theirs. Immutable. The shipped one holds the 130 communes of the Métropole du
 * Grand Paris; a file in the same format ({@code settings.territories}) replaces it.
 *
 * <p>The format: UTF-8 text, one place per line, seven tab-separated columns {@code kind code name
 * departement territory aliases postal_codes}; {@code #} starts a comment line; aliases and postal
 * codes are separated by {@code |}. Kinds: {@code departement}, {@code territory}, {@code commune}
 * (its département and territory must be declared above it) and {@code outside} (a place outside
 * the watch; its optional code names the commune it is mistaken for).
 */
public final class Gazetteer {
  private static final String SHIPPED = "gazetteer.tsv";
  private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,10}");
  private static final Pattern POSTAL = Pattern.compile("[0-9]{5}");

  /** A commune; {@code aliases} are former communes, short forms and landmarks inside it. */
  public record Commune(
      String code,
      String name,
      String departement,
      String territory,
      List<String> aliases,
      List<String> postalCodes) {
    public Commune {
      aliases = List.copyOf(aliases);
      postalCodes = List.copyOf(postalCodes);
    }
  }

  /** A territory (EPT) or a département: a code, a name and other names for it. */
  public record Area(String code, String name, List<String> aliases) {
    public Area {
      aliases = List.copyOf(aliases);
    }
  }

  /**
   * Names of a place outside the watch; {@code confusedWith} is the code of the commune it is
   * mistaken for, or null.
   */
  public record Outside(String confusedWith, String name, List<String> aliases) {
    public Outside {
      aliases = List.copyOf(aliases);
    }
  }

  private final Map<String, Area> departements;
  private final Map<String, Area> territories;
  private final Map<String, Commune> communes;
  private final List<Outside> outside;

  private Gazetteer(
      Map<String, Area> departements,
      Map<String, Area> territories,
      Map<String, Commune> communes,
      List<Outside> outside) {
    this.departements = Map.copyOf(departements);
    this.territories = Map.copyOf(territories);
    this.communes = Map.copyOf(communes);
    this.outside = List.copyOf(outside);
    this.order = List.copyOf(communes.keySet());
    this.territoryOrder = List.copyOf(territories.keySet());
    this.departementOrder = List.copyOf(departements.keySet());
  }

  private final List<String> order;
  private final List<String> territoryOrder;
  private final List<String> departementOrder;

  /** The Métropole du Grand Paris, as shipped (see the file's header for its provenance). */
  public static Gazetteer shipped() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException("the shipped gazetteer " + SHIPPED + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SHIPPED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GazetteerException e) {
      throw new IllegalStateException("the shipped gazetteer is broken: " + e.getMessage(), e);
    }
  }

  /** Reads a gazetteer file. */
  public static Gazetteer read(Path file) throws GazetteerException {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new GazetteerException(name, 0, "no such file");
    } catch (IOException e) {
      throw new GazetteerException(name, 0, "cannot read it (" + e.getMessage() + ")");
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return parse(text, name);
    } catch (CharacterCodingException e) {
      throw new GazetteerException(name, 0, "not UTF-8 text");
    }
  }

  /** What is wrong with the gazetteer file at {@code path}, or empty when it reads well. */
  public static Optional<String> problem(String path) {
    try {
      read(Path.of(path));
      return Optional.empty();
    } catch (GazetteerException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Parses the text of a gazetteer; {@code fileName} goes into error messages. */
  public static Gazetteer parse(String text, String fileName) throws GazetteerException {
    return new Reader(fileName).read(text);
  }

  /** Communes in file order. */
  public List<Commune> communes() {
    return order.stream().map(communes::get).toList();
  }

  public List<Area> territories() {
    return territoryOrder.stream().map(territories::get).toList();
  }

  public List<Area> departements() {
    return departementOrder.stream().map(departements::get).toList();
  }

  public List<Outside> outside() {
    return outside;
  }

  public Optional<Commune> commune(String code) {
    return Optional.ofNullable(communes.get(code));
  }

  public Optional<Area> territory(String code) {
    return Optional.ofNullable(territories.get(code));
  }

  public Optional<Area> departement(String code) {
    return Optional.ofNullable(departements.get(code));
  }

  /** Reads the lines of one file, checking each as it goes. */
  private static final class Reader {
    private final String file;
    private final Map<String, Area> departements = new LinkedHashMap<>();
    private final Map<String, Area> territories = new LinkedHashMap<>();
    private final Map<String, Commune> communes = new LinkedHashMap<>();
    private final List<Outside> outside = new ArrayList<>();
    private final List<String[]> outsideRows = new ArrayList<>();
    private final List<Integer> outsideLines = new ArrayList<>();
    private int line;

    Reader(String file) {
      this.file = file;
    }

    Gazetteer read(String text) throws GazetteerException {
      String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
      for (String raw : body.split("\r?\n", -1)) {
        line++;
        if (raw.isBlank() || raw.startsWith("#") || raw.startsWith("kind\t")) {
          continue;
        }
        String[] cols = raw.split("\t", -1);
        if (cols.length != 7) {
          throw error(
              "expected 7 tab-separated columns (kind, code, name, departement, territory,"
                  + " aliases, postal_codes), found "
                  + cols.length);
        }
        for (int i = 0; i < cols.length; i++) {
          cols[i] = cols[i].strip();
        }
        row(cols);
      }
      for (int i = 0; i < outsideRows.size(); i++) {
        line = outsideLines.get(i);
        String[] cols = outsideRows.get(i);
        String code = cols[1].isEmpty() ? null : cols[1];
        if (code != null && !communes.containsKey(code)) {
          throw error("outside place '" + cols[2] + "' names unknown commune " + code);
        }
        outside.add(new Outside(code, cols[2], list(cols[5], "aliases")));
      }
      line = 0;
      if (communes.isEmpty()) {
        throw error("no communes (a line 'commune<TAB>CODE<TAB>NAME<TAB>…' per commune)");
      }
      return new Gazetteer(departements, territories, communes, outside);
    }

    private void row(String[] c) throws GazetteerException {
      String kind = c[0];
      if (kind.equals("outside")) {
        need(c[2], "name");
        outsideRows.add(c);
        outsideLines.add(line);
        return;
      }
      String code = code(c[1]);
      String name = need(c[2], "name");
      List<String> aliases = list(c[5], "aliases");
      switch (kind) {
        case "departement" -> {
          unique(departements, code, "département");
          departements.put(code, new Area(code, name, aliases));
        }
        case "territory" -> {
          unique(territories, code, "territory");
          territories.put(code, new Area(code, name, aliases));
        }
        case "commune" -> {
          unique(communes, code, "commune");
          String dept = code(need(c[3], "departement"));
          if (!departements.containsKey(dept)) {
            throw error(
                "commune "
                    + code
                    + " is in département '"
                    + dept
                    + "', which no 'departement' line above declares");
          }
          String territory = c[4].isEmpty() ? null : code(c[4]);
          if (territory != null && !territories.containsKey(territory)) {
            throw error(
                "commune "
                    + code
                    + " is in territory '"
                    + territory
                    + "', which no 'territory' line above declares");
          }
          List<String> postal = list(c[6], "postal_codes");
          for (String p : postal) {
            if (!POSTAL.matcher(p).matches()) {
              throw error("postal code '" + p + "' of commune " + code + " is not five digits");
            }
          }
          communes.put(code, new Commune(code, name, dept, territory, aliases, postal));
        }
        default ->
            throw error(
                "unknown kind '"
                    + kind
                    + "' (expected departement, territory, commune or outside)");
      }
    }

    private String code(String value) throws GazetteerException {
      if (!CODE.matcher(value).matches()) {
        throw error(
            value.isEmpty()
                ? "the code is missing"
                : "bad code '" + value + "' (letters and digits only, e.g. 93066 or T6)");
      }
      return value.toUpperCase(java.util.Locale.ROOT);
    }

    private String need(String value, String column) throws GazetteerException {
      if (value.isEmpty()) {
        throw error("the " + column + " is missing");
      }
      return value;
    }

    private <T> void unique(Map<String, T> seen, String code, String what)
        throws GazetteerException {
      if (seen.containsKey(code)) {
        throw error(what + " " + code + " is declared twice");
      }
    }

    private List<String> list(String value, String column) throws GazetteerException {
      if (value.isEmpty()) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String v : value.split("\\|", -1)) {
        String s = v.strip();
        if (s.isEmpty()) {
          throw error("an empty entry in " + column + " ('||' or a '|' at an end)");
        }
        out.add(s);
      }
      return out;
    }

    private GazetteerException error(String problem) {
      return new GazetteerException(file, line, problem);
    }
  }
}
