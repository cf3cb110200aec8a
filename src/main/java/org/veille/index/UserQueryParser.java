package org.veille.index;

import java.util.Locale;
import java.util.Map;
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
 * names. All terms are required unless {@code OR} says otherwise. Not thread-safe: one per query.
 */
final class UserQueryParser extends MultiFieldQueryParser {
  static final float TITLE_BOOST = 3f;

  private UserQueryParser() {
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
    setDefaultOperator(QueryParser.Operator.AND);
    setSplitOnWhitespace(true);
  }

  /** Parses a user query; blank or {@code *} matches everything. */
  static Query toQuery(String text) throws QuerySyntaxException {
    String q = text == null ? "" : text.strip();
    if (q.isEmpty() || q.equals("*") || q.equals("*:*")) {
      return new MatchAllDocsQuery();
    }
    try {
      Query parsed = new UserQueryParser().parse(q);
      return parsed == null ? new MatchNoDocsQuery("only stop words") : parsed;
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
    String f = field.toLowerCase(Locale.ROOT);
    return switch (f) {
      case "title" -> any(textFn, Fields.TITLE_FR, Fields.TITLE_EN);
      case "text" -> any(textFn, Fields.TITLE_FR, Fields.TITLE_EN, Fields.BODY_FR, Fields.BODY_EN);
      case "author" -> textFn.apply(Fields.AUTHOR);
      case "source", "topic", "lang" -> keywordFn.apply(f);
      default ->
          throw new ParseException(
              "unknown field '"
                  + field
                  + "' (fields: "
                  + String.join(", ", Fields.USER_FIELDS)
                  + ")");
    };
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
        f -> new TermQuery(new Term(f, lower(text))));
  }

  @Override
  protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
    if (field == null || isInternal(field)) {
      return super.getFieldQuery(field, text, slop);
    }
    return user(
        field,
        f -> super.getFieldQuery(f, text, slop),
        f -> new TermQuery(new Term(f, lower(text))));
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
        || field.equals(Fields.LANG);
  }
}
