package io.revops.core.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a caller's query: at most {@value QueryService#MAX_PAGE_SIZE} rows, each row holding
 * only its populated fields (no {@code attributes}, no nulls; parent relationships as nested maps,
 * child subqueries as lists), in Salesforce's order.
 *
 * @param soql the query as sent, after the guard's rewrites (for example an added {@code LIMIT 200});
 *     absent on a page fetched by cursor alone
 * @param totalSize the number of rows the query matched, as Salesforce reports it; for
 *     {@code SELECT COUNT() ...} this is the count itself and {@code records} is empty. The guard's LIMIT
 *     applies first, so a query that hit the LIMIT reports at most that many.
 * @param records this page's rows
 * @param nextCursor pass it to {@link QueryService#query(Optional, boolean, Optional)} for the following
 *     page; absent on the last page
 */
public record QueryResultPage(
    Optional<String> soql, long totalSize, List<Map<String, Object>> records, Optional<String> nextCursor) {

  public QueryResultPage {
    Objects.requireNonNull(soql, "soql");
    records = List.copyOf(records);
    Objects.requireNonNull(nextCursor, "nextCursor");
  }
}
