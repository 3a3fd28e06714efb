package io.revops.salesforce;

import java.util.List;

/**
 * Records collected by a {@link QueryPaginator} up to its cap.
 *
 * @param totalSize how many rows the query matched in all
 * @param records at most the cap's number of rows, in query order
 * @param truncated true when the cap stopped collection while more rows existed
 */
public record QueryResult(long totalSize, List<SObjectRecord> records, boolean truncated) {
  public QueryResult {
    records = List.copyOf(records);
  }
}
