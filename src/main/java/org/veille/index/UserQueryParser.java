package org.veille.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Lucene's classic syntax over Veille's fields: bare terms search the title (boosted) and the text
 * in both languages; {@code title:} and {@code text:} search both languages; {@code source:},
 * {@code topic:} and {@code lang:} match ids exactly (case-insensitive); {@code author:} matches
 * names; {@code commune:} (an INSEE code or a name, accents and case ignored), {@code territory:}
 * and {@code dept:} match the places an item is about; {@code call:true} (or {@code call:aap}, a
 * kind) the calls for projects, {@code call:false} the rest, and {@code deadline:2026-03-15} or
 * {@code deadline:[2026-12-01 TO 2027-01-31]} their deadlines. All terms are required unless {@code
 * OR} says otherwise. Not thread-safe: one per query.
 *
 * <p>A search forgives a {@code word:} that is not a field, as in a pasted title ("Innovation
 * publique : les laboratoires", "Horizon Europe: new funding"): the word and what follows are
 * searched as text, and a note says so. A topic query stays strict: there a field name with a typo
 * is an error, not a silent change of meaning.
 */
final class UserQueryParser extends MultiFieldQueryParser {
  static final float TITLE_BOOST = 3f;

  /** A parsed search and the notes for the user about how it was read (distinct, in order). */
  record Parsed(Query query, List<String> notes) {
    Parsed {
      notes = List.copyOf(notes);
    }
  }

  private final boolean lenient;
  private final Set<String> notes = new LinkedHashSet<>();

  private UserQueryParser(boolean lenient) {
    super(
        new String[] {Fields.TITLE_FR, Fields.TITLE_EN, Fields.BODY_FR, Fields.BODY_EN},
        Analyzers.PER_FIELD,
        Map.of(
            Fields.TITLE_FR,
            TITLE_BOOST,
            Fields.TITLE_EN,
            TITLE_BOOST,
            Fields.BODY_FR,
            1f,
            Fields.BODY_EN,
            1f));
    this.lenient = lenient;
    setDefaultOperator(QueryParser.Operator.AND);
    setSplitOnWhitespace(true);
  }

  /**
   * Parses a topic query strictly: an unknown field is an error. Blank or {@code *} matches
   * everything.
   */
  static Query toQuery(String text) throws QuerySyntaxException {
    return parse(text, false).query();
  }

  /**
   * Parses a search: an unknown {@code word:} is searched as text, with a note. Real syntax errors
   * (an open quote or parenthesis, a stray operator) still fail with the column.
   */
  static Parsed toSearch(String text) throws QuerySyntaxException {
    return parse(text, true);
  }

  private static Parsed parse(String text, boolean lenient) throws QuerySyntaxException {
    String q = text == null ? "" : text.strip();
    if (q.isEmpty() || q.equals("*") || q.equals("*:*")) {
      return new Parsed(new MatchAllDocsQuery(), List.of());
    }
    try {
      UserQueryParser parser = new UserQueryParser(lenient);
      Query parsed = parser.parse(q);
      return new Parsed(
          parsed == null ? new MatchNoDocsQuery("only stop words") : parsed,
          List.copyOf(parser.notes));
    } catch (ParseException e) {
      throw syntax(q, e);
    } catch (IllegalArgumentException e) {
      throw new QuerySyntaxException("bad query '" + q + "': " + e.getMessage(), 0);
    }
  }

  private static final java.util.regex.Pattern COLUMN =
      java.util.regex.Pattern.compile("column (\\d+)");

  private static QuerySyntaxException syntax(String q, ParseException wrapped) {
    String message = wrapped.getMessage() == null ? "" : wrapped.getMessage();
    int unknown = message.indexOf("unknown field");
    if (unknown < 0) {
      unknown = message.indexOf("deadline: takes");
    }
    if (unknown >= 0) {
      return new QuerySyntaxException(
          "bad query '" + q + "': " + message.substring(unknown).strip(), 0);
    }
    Throwable cause = wrapped.getCause() == null ? wrapped : wrapped.getCause();
    int column = 0;
    String what;
    if (cause instanceof ParseException pe
        && pe.currentToken != null
        && pe.currentToken.next != null) {
      Token bad = pe.currentToken.next;
      if (bad.kind == 0) {
        column = q.length() + 1;
        what = "unexpected end of query (an operator or a parenthesis is left open)";
      } else {
        column = bad.beginColumn + 1;
        what = "unexpected '" + bad.image + "'";
      }
    } else {
      java.util.regex.Matcher m = COLUMN.matcher(String.valueOf(cause.getMessage()));
      column = m.find() ? Integer.parseInt(m.group(1)) : 0;
      what =
          String.valueOf(cause.getMessage()).contains("<EOF>")
              ? "unexpected end of query (a quote is left open)"
              : "unexpected character";
      column = what.contains("end of query") ? q.length() + 1 : column;
    }
    return new QuerySyntaxException(
        "bad query at column "
            + column
            + ": "
            + what
            + "\n  "
            + q
            + "\n  "
            + " ".repeat(Math.max(0, column - 1))
            + "^",
        column);
  }

  /** The query on any of {@code fields}: a disjunction of the per-field queries that exist. */
  private static Query any(QueryFn fn, String... fields) throws ParseException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int n = 0;
    Query single = null;
    for (String f : fields) {
      Query q = fn.apply(f);
      if (q != null) {
        b.add(q, BooleanClause.Occur.SHOULD);
        single = q;
        n++;
      }
    }
    return n == 0 ? null : n == 1 ? single : b.build();
  }

  private interface QueryFn {
    Query apply(String field) throws ParseException;
  }

  /** Maps a user field to an action, or null for the default fields. */
  private Query user(String field, QueryFn textFn, KeywordFn keywordFn) throws ParseException {
    return user(field, textFn, keywordFn, keywordFn);
  }

  /**
   * As {@link #user(String, QueryFn, KeywordFn)}, with {@code places} for the place fields, whose
   * codes are upper case ({@code territory:t6} is T6) and whose commune names are folded.
   */
  private Query user(String field, QueryFn textFn, KeywordFn keywordFn, KeywordFn places)
      throws ParseException {
    String f = field.toLowerCase(Locale.ROOT);
    return switch (f) {
      case "title" -> any(textFn, Fields.TITLE_FR, Fields.TITLE_EN);
      case "text" -> any(textFn, Fields.TITLE_FR, Fields.TITLE_EN, Fields.BODY_FR, Fields.BODY_EN);
      case "author" -> textFn.apply(Fields.AUTHOR);
      case "source", "topic", "lang" -> keywordFn.apply(f);
      case "commune", "territory", "dept", "call", "deadline" -> places.apply(f);
      default -> unknown(field, textFn);
    };
  }

  /**
   * A {@code word:} that is not a field: an error in a topic query; in a search, the word and the
   * value, both required, on the default fields.
   */
  private Query unknown(String field, QueryFn textFn) throws ParseException {
    String fields = String.join(", ", Fields.USER_FIELDS);
    if (!lenient) {
      throw new ParseException("unknown field '" + field + "' (fields: " + fields + ")");
    }
    notes.add("'" + field + ":' is not a field (fields: " + fields + "); searched as text");
    Query word = super.getFieldQuery(null, field, false);
    Query value = textFn.apply(null);
    if (word == null || value == null) {
      return word == null ? value : word;
    }
    return new BooleanQuery.Builder()
        .add(word, BooleanClause.Occur.MUST)
        .add(value, BooleanClause.Occur.MUST)
        .build();
  }

  private interface KeywordFn {
    Query apply(String field) throws ParseException;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  @Override
  protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
    if (field == null || isInternal(field)) {
      return super.getFieldQuery(field, text, quoted);
    }
    return user(
        field,
        f -> super.getFieldQuery(f, text, quoted),
        f -> new TermQuery(new Term(f, lower(text))),
        f -> place(f, text));
  }

  /**
   * {@code commune:} takes an INSEE code or a name; {@code territory:} and {@code dept:} codes;
   * {@code call:} true, false or a kind; {@code deadline:} a day, YYYY-MM-DD.
   */
  private static Query place(String field, String text) throws ParseException {
    if (field.equals(Fields.CALL)) {
      return call(text);
    }
    if (field.equals(Fields.DEADLINE)) {
      return new TermQuery(new Term(Fields.DEADLINE, day(text)));
    }
    String code = text.strip().toUpperCase(Locale.ROOT);
    if (!field.equals(Fields.COMMUNE)) {
      return new TermQuery(new Term(field, code));
    }
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.COMMUNE, code)), BooleanClause.Occur.SHOULD)
        .add(
            new TermQuery(new Term(Fields.COMMUNE_NAME, org.veille.territory.Places.nameKey(text))),
            BooleanClause.Occur.SHOULD)
        .build();
  }

  private static Query call(String text) {
    String v = lower(text.strip());
    if (v.equals("false") || v.equals("no")) {
      return new BooleanQuery.Builder()
          .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
          .add(new TermQuery(new Term(Fields.CALL, "true")), BooleanClause.Occur.MUST_NOT)
          .build();
    }
    return new TermQuery(new Term(Fields.CALL, v.equals("yes") ? "true" : v));
  }

  /** A day of a {@code deadline:} query, checked: "2026-02-31" is no day. */
  private static String day(String text) throws ParseException {
    String v = text.strip();
    try {
      return java.time.LocalDate.parse(v).toString();
    } catch (java.time.format.DateTimeParseException e) {
      throw new ParseException(
          "deadline: takes a day written YYYY-MM-DD, as in deadline:2026-03-15 or deadline:[2026-12-01 TO 2027-01-31] (got '"
              + v
              + "')");
    }
  }

  @Override
  protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
    if (field == null || isInternal(field)) {
      return super.getFieldQuery(field, text, slop);
    }
    return user(
        field,
        f -> super.getFieldQuery(f, text, slop),
        f -> new TermQuery(new Term(f, lower(text))),
        f -> place(f, text));
  }

  @Override
  protected Query getPrefixQuery(String field, String text) throws ParseException {
    if (field == null || isInternal(field)) {
      return super.getPrefixQuery(field, text);
    }
    return user(
        field, f -> super.getPrefixQuery(f, text), f -> new PrefixQuery(new Term(f, lower(text))));
  }

  @Override
  protected Query getWildcardQuery(String field, String text) throws ParseException {
    if (field == null || isInternal(field)) {
      return super.getWildcardQuery(field, text);
    }
    return user(
        field,
        f -> super.getWildcardQuery(f, text),
        f -> new WildcardQuery(new Term(f, lower(text))));
  }

  @Override
  protected Query getFuzzyQuery(String field, String text, float similarity) throws ParseException {
    if (field == null || isInternal(field)) {
      return super.getFuzzyQuery(field, text, similarity);
    }
    return user(
        field,
        f -> super.getFuzzyQuery(f, text, similarity),
        f -> new TermQuery(new Term(f, lower(text))));
  }

  @Override
  protected Query getRangeQuery(String field, String a, String b, boolean startInc, boolean endInc)
      throws ParseException {
    if (field == null || isInternal(field)) {
      return super.getRangeQuery(field, a, b, startInc, endInc);
    }
    if (field.equalsIgnoreCase(Fields.DEADLINE)) {
      String from = a == null || a.equals("*") ? null : day(a);
      String to = b == null || b.equals("*") ? null : day(b);
      return org.apache.lucene.search.TermRangeQuery.newStringRange(
          Fields.DEADLINE, from, to, startInc, endInc);
    }
    return user(
        field,
        f -> super.getRangeQuery(f, a, b, startInc, endInc),
        f ->
            super.getRangeQuery(
                f, a == null ? null : lower(a), b == null ? null : lower(b), startInc, endInc));
  }

  private static boolean isInternal(String field) {
    return field.equals(Fields.TITLE_FR)
        || field.equals(Fields.TITLE_EN)
        || field.equals(Fields.BODY_FR)
        || field.equals(Fields.BODY_EN)
        || field.equals(Fields.AUTHOR)
        || field.equals(Fields.SOURCE)
        || field.equals(Fields.TOPIC)
        || field.equals(Fields.LANG)
        // commune, territory and dept are user fields of the same name: their queries are built
        // by place(), never by the analysing parser
        || field.equals(Fields.COMMUNE_NAME);
  }
}
