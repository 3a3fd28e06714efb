package io.revops.salesforce;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An opaque position in a query's results: Salesforce's {@code nextRecordsUrl}, accepted only as a
 * relative {@code /services/data/vNN.N/query/<locator>} path, so following it can never send the token
 * to another host or to any other resource. It is always resolved against the client's own instance.
 *
 * @param path the validated relative path, e.g. {@code /services/data/v60.0/query/01gRO0000016PIAYA2-2000}
 */
public record QueryCursor(String path) {
  private static final Pattern SHAPE =
      Pattern.compile("/services/data/v\\d{2,3}\\.\\d/query/[A-Za-z0-9][A-Za-z0-9-]{0,127}");

  public QueryCursor {
    if (path == null || !SHAPE.matcher(path).matches()) {
      throw new IllegalArgumentException("cursor '" + abbreviate(path) + "' is not a Salesforce query cursor:"
          + " expected a relative path like /services/data/v60.0/query/01gRO0000016PIAYA2-2000;"
          + " pass the cursor exactly as a previous page returned it, or re-run the query");
    }
  }

  /** Validates a {@code nextRecordsUrl} value. */
  public static QueryCursor of(String nextRecordsUrl) {
    return new QueryCursor(nextRecordsUrl);
  }

  private static String abbreviate(String s) {
    return s == null ? "null" : s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }

  @Override
  public String toString() {
    return Objects.toString(path);
  }
}
