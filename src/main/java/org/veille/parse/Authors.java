package org.veille.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The person's name in the author forms feeds use: {@code name}, {@code email (Name)}, {@code Name
 * (email)}, {@code Name <email>}, {@code "Name" <email>}, a {@code mailto:} link, a name wrapped in
 * markup. A bare email address is kept as it is: it is all the feed says.
 */
final class Authors {
  private static final String EMAIL = "(?:mailto:)?[^\\s@<>()\"]+@[^\\s@<>()\"]+";
  private static final Pattern EMAIL_THEN_NAME =
      Pattern.compile("<?(" + EMAIL + ")>?\\s*\\((.+)\\)");
  private static final Pattern NAME_THEN_EMAIL =
      Pattern.compile("(.+?)\\s*[(<\\[]\\s*(" + EMAIL + ")\\s*[)>\\]]");
  private static final Pattern BARE_EMAIL = Pattern.compile("<?(" + EMAIL + ")>?");

  private Authors() {}

  /** The name in {@code raw} (markup allowed), or null when there is none. */
  static String name(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = Text.fold(Text.safe(raw));
    Matcher m = EMAIL_THEN_NAME.matcher(s);
    String name;
    if (m.matches()) {
      name = m.group(2);
    } else if ((m = NAME_THEN_EMAIL.matcher(s)).matches()) {
      name = m.group(1);
    } else if ((m = BARE_EMAIL.matcher(s)).matches()) {
      name = m.group(1);
    } else {
      name = s;
    }
    name = Text.plain(name);
    if (name.startsWith("mailto:")) {
      name = name.substring("mailto:".length());
    }
    if (name.length() > 1
        && (name.startsWith("\"") && name.endsWith("\"")
            || name.startsWith("'") && name.endsWith("'"))) {
      name = name.substring(1, name.length() - 1).strip();
    }
    return name.isEmpty() ? null : name;
  }
}
