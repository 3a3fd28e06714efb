package io.revops.salesforce;

import io.revops.salesforce.soql.GuardedQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Walks a query's pages, following {@code nextRecordsUrl} for the caller, and stops fetching once
 * {@code maxRecords} rows have been seen. Each iteration runs the query anew; pages are fetched lazily,
 * one API call each. Not thread-safe per iterator.
 */
public final class QueryPaginator implements Iterable<QueryPage> {
  private final GuardedQuery query;
  private final int maxRecords;
  private final Function<GuardedQuery, QueryPage> first;
  private final Function<QueryCursor, QueryPage> next;

  QueryPaginator(GuardedQuery query, int maxRecords, Function<GuardedQuery, QueryPage> first,
      Function<QueryCursor, QueryPage> next) {
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords is " + maxRecords + ": pass a cap of at least 1 record");
    }
    this.query = query;
    this.maxRecords = maxRecords;
    this.first = first;
    this.next = next;
  }

  /** The cap on records this paginator fetches. */
  public int maxRecords() {
    return maxRecords;
  }

  /** Pages in order; no further page is fetched once the cap is reached. */
  @Override
  public Iterator<QueryPage> iterator() {
    return new Iterator<>() {
      private QueryPage last;
      private long seen;

      @Override
      public boolean hasNext() {
        return last == null || last.next().isPresent() && seen < maxRecords;
      }

      @Override
      public QueryPage next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no further page");
        }
        Optional<QueryCursor> cursor = last == null ? Optional.empty() : last.next();
        last = cursor.map(next).orElseGet(() -> first.apply(query));
        seen += last.records().size();
        return last;
      }
    };
  }

  /** Fetches pages until the cap or the end, and returns at most {@code maxRecords} records. */
  public QueryResult collect() {
    List<SObjectRecord> records = new ArrayList<>();
    long totalSize = 0;
    boolean more = false;
    for (QueryPage page : this) {
      totalSize = page.totalSize();
      for (SObjectRecord r : page.records()) {
        if (records.size() < maxRecords) {
          records.add(r);
        } else {
          more = true;
        }
      }
      more |= records.size() >= maxRecords && page.next().isPresent();
    }
    return new QueryResult(totalSize, records, more);
  }
}
