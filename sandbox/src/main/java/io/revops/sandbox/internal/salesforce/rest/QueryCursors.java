package io.revops.sandbox.internal.salesforce.rest;

import io.revops.sandbox.internal.salesforce.SalesforceError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open query locators: the rendered rows of a query beyond its first page, served one page at a time as
 * {@code /services/data/vNN.N/query/01gSb...-2000} the way Salesforce pages with {@code nextRecordsUrl}.
 * The oldest locators are dropped past {@value #MAX_OPEN}. Callers hold the store's monitor.
 */
final class QueryCursors {
  static final int MAX_OPEN = 200;
  private static final Pattern LOCATOR = Pattern.compile("(01gSb\\d{10})-(\\d+)");

  private final Map<String, List<Map<String, Object>>> open = new LinkedHashMap<>();
  private int counter;

  /**
   * The first page of {@code records}, opening a locator when more pages follow. {@code totalSize} differs
   * from the record count only for {@code SELECT COUNT()}, which has no records.
   */
  Map<String, Object> firstPage(long totalSize, List<Map<String, Object>> records, int pageSize, String apiVersion) {
    if (records.size() <= pageSize) {
      return page(totalSize, true, null, records);
    }
    String id = String.format("01gSb%010d", ++counter);
    open.put(id, records);
    if (open.size() > MAX_OPEN) {
      open.remove(open.keySet().iterator().next());
    }
    return page(records, id, 0, pageSize, apiVersion);
  }

  /** The page a {@code query/<locator>} path names, or Salesforce's INVALID_QUERY_LOCATOR error. */
  Map<String, Object> nextPage(String locator, int pageSize, String apiVersion) {
    Matcher m = LOCATOR.matcher(locator);
    List<Map<String, Object>> records = m.matches() ? open.get(m.group(1)) : null;
    if (records == null) {
      throw SalesforceError.of(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    int offset = Integer.parseInt(m.group(2));
    return page(records, m.group(1), offset, pageSize, apiVersion);
  }

  private static Map<String, Object> page(List<Map<String, Object>> records, String id, int offset, int pageSize,
      String apiVersion) {
    int end = Math.min(records.size(), offset + pageSize);
    List<Map<String, Object>> slice = records.subList(Math.min(offset, end), end);
    boolean done = end >= records.size();
    String next = done ? null : "/services/data/" + apiVersion + "/query/" + id + "-" + end;
    return page(records.size(), done, next, slice);
  }

  private static Map<String, Object> page(long totalSize, boolean done, String nextRecordsUrl,
      List<Map<String, Object>> records) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("totalSize", totalSize);
    out.put("done", done);
    Optional.ofNullable(nextRecordsUrl).ifPresent(url -> out.put("nextRecordsUrl", url));
    out.put("records", records);
    return out;
  }
}
