package io.revops.salesforce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of query results (or of a child subquery).
 *
 * @param totalSize how many rows the whole query matched; for {@code SELECT COUNT()} the count itself
 * @param done true when no further page exists
 * @param records this page's rows
 * @param next the cursor of the following page, present exactly when {@code done} is false
 */
public record QueryPage(long totalSize, boolean done, List<SObjectRecord> records, Optional<QueryCursor> next) {
  public QueryPage {
    records = List.copyOf(records);
    Objects.requireNonNull(next, "next");
  }

  /**
   * Reads a {@code {totalSize, done, records[, nextRecordsUrl]}} object; records without
   * {@code attributes} get {@code fallbackType}. Throws {@link IllegalArgumentException} on a malformed
   * shape or a foreign {@code nextRecordsUrl}.
   */
  static QueryPage fromJson(Map<String, ?> json, String fallbackType) {
    long totalSize = json.get("totalSize") instanceof BigDecimal d ? d.longValue() : 0;
    boolean done = !Boolean.FALSE.equals(json.get("done"));
    List<SObjectRecord> records = new ArrayList<>();
    if (json.get("records") instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof Map<?, ?> map)) {
          throw new IllegalArgumentException("query result holds a record that is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> record = (Map<String, ?>) map;
        records.add(SObjectRecord.of(record, fallbackType));
      }
    }
    Optional<QueryCursor> next = json.get("nextRecordsUrl") instanceof String url && !done
        ? Optional.of(QueryCursor.of(url))
        : Optional.empty();
    return new QueryPage(totalSize, done, records, next);
  }
}
