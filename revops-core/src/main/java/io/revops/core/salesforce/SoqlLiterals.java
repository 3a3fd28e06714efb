package io.revops.core.salesforce;

import io.revops.salesforce.SalesforceId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * SOQL literals made from validated values, the only way revops-core puts a value into a query:
 * strings are escaped, ids pass through {@link SalesforceId}, dates and datetimes use the unquoted
 * forms SOQL expects. The guard still checks every query these build.
 */
public final class SoqlLiterals {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private SoqlLiterals() {}

  /** A quoted string literal with {@code \} and {@code '} escaped (and line breaks as escapes). */
  public static String string(String value) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> quoted.append("\\\\");
        case '\'' -> quoted.append("\\'");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c);
      }
    }
    return quoted.append('\'').toString();
  }

  /** A quoted id literal in its 18-character form. */
  public static String id(SalesforceId id) {
    return "'" + id.to18() + "'";
  }

  /** A parenthesised list of id literals for {@code IN}; the collection must not be empty. */
  public static String idList(Collection<SalesforceId> ids) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("an IN list needs at least one id");
    }
    return ids.stream().map(SoqlLiterals::id).collect(Collectors.joining(", ", "(", ")"));
  }

  /** A date literal, {@code 2026-05-01}, for date fields. */
  public static String date(LocalDate date) {
    return date.toString();
  }

  /** A UTC datetime literal, {@code 2026-05-01T00:00:00Z}, for datetime fields. */
  public static String dateTime(Instant instant) {
    return DATE_TIME.format(instant);
  }
}
