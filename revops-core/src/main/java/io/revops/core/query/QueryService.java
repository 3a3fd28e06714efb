package io.revops.core.query;

import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.plan.PlannedRequest;
import io.revops.salesforce.QueryPage;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.soql.GuardedQuery;
import io.revops.salesforce.soql.SoqlGuard;
import io.revops.salesforce.soql.SoqlRejectedException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a caller's read-only SOQL, one page at a time.
 *
 * <p>Every query goes through the {@link SoqlGuard} given to the constructor: exactly one SELECT, its
 * LIMIT capped at the guard's maximum (which must be at most {@value #MAX_PAGE_SIZE}, so no page can hold
 * more rows than that), anything else refused with a {@link SoqlRejectedException} naming the offending
 * token and its position, before any request. The query runs as the API user, with that user's object
 * permissions, field-level security and sharing.
 *
 * <p>A page that is not the last carries an opaque {@code nextCursor}. To read the next page pass it
 * back as {@code cursor}; {@code soql} may then be omitted, and if given it must be the same query (it is
 * checked by the guard again and compared with the one the cursor was issued for). A cursor is checked
 * before any request; Salesforce forgets idle cursors after a while, in which case run the query again.
 *
 * <p>{@code bypassSharing=true} is reserved (for a future, separately authorised integration) and refused
 * today, as in the original server: queries always respect the API user's sharing.
 */
public final class QueryService {
  /** The most rows a page holds. */
  public static final int MAX_PAGE_SIZE = 200;

  private final SalesforceClient salesforce;
  private final SoqlGuard guard;

  /**
   * @param guard the guard every query passes; its {@code maxLimit} must be at most {@value #MAX_PAGE_SIZE}
   * @throws IllegalArgumentException if the guard lets larger pages through
   */
  public QueryService(SalesforceClient salesforce, SoqlGuard guard) {
    this.salesforce = Objects.requireNonNull(salesforce, "salesforce");
    this.guard = Objects.requireNonNull(guard, "guard");
    if (guard.maxLimit() > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("guard allows LIMIT " + guard.maxLimit() + ", but query pages hold at most "
          + MAX_PAGE_SIZE + " rows: pass SoqlGuard.defaults() or a guard with maxLimit(" + MAX_PAGE_SIZE + ") or less");
    }
  }

  /** The first page of {@code soql}; see {@link #query(Optional, boolean, Optional)}. */
  public QueryResultPage query(String soql, boolean bypassSharing) {
    return query(Optional.ofNullable(soql), bypassSharing, Optional.empty());
  }

  /**
   * The first page of {@code soql}, or the page at {@code cursor}.
   *
   * @param soql the query; required without a cursor, optional with one (a blank string counts as absent)
   * @param bypassSharing must be false: reserved, not supported
   * @param cursor a {@link QueryResultPage#nextCursor()} from an earlier page of this query
   * @throws RevOpsArgumentException before any request, naming {@code bypassSharing}, {@code soql} or
   *     {@code cursor} when one is unusable
   * @throws SoqlRejectedException before any request, when the guard refuses the query
   * @throws io.revops.salesforce.SalesforceApiException when Salesforce refuses or fails the query
   */
  public QueryResultPage query(Optional<String> soql, boolean bypassSharing, Optional<String> cursor) {
    Request request = validate(soql, bypassSharing, cursor);
    if (request.cursor().isPresent()) {
      QueryPage page = salesforce.nextPage(request.cursor().get().cursor());
      return toResult(request.query().map(GuardedQuery::soql), request.cursor().get().fingerprint(), page);
    }
    GuardedQuery query = request.query().orElseThrow();
    return toResult(Optional.of(query.soql()), PageCursor.fingerprint(query.soql()), salesforce.query(query));
  }

  /**
   * The request {@link #query(Optional, boolean, Optional)} would send, validated the same way; sends
   * nothing.
   */
  public DryRunPlan planQuery(Optional<String> soql, boolean bypassSharing, Optional<String> cursor) {
    Request request = validate(soql, bypassSharing, cursor);
    if (request.cursor().isPresent()) {
      return new DryRunPlan("query",
          List.of(PlannedRequest.of(salesforce.plan().nextPage(request.cursor().get().cursor()))),
          List.of("Reads the next page of the query the cursor was issued for."));
    }
    GuardedQuery query = request.query().orElseThrow();
    return new DryRunPlan("query", List.of(PlannedRequest.of(salesforce.plan().query(query))),
        List.of("The query as sent, after the SOQL guard: " + query.soql()));
  }

  /** What a validated call will do: a first page of {@code query}, or the page at {@code cursor}. */
  private record Request(Optional<GuardedQuery> query, Optional<PageCursor> cursor) {}

  private Request validate(Optional<String> soql, boolean bypassSharing, Optional<String> cursor) {
    Objects.requireNonNull(soql, "soql");
    Objects.requireNonNull(cursor, "cursor");
    if (bypassSharing) {
      throw new RevOpsArgumentException("bypassSharing",
          "is reserved for a future integration and not supported",
          "Pass bypassSharing=false: queries always run with the API user's sharing rules");
    }
    Optional<String> text = soql.filter(s -> !s.isBlank());
    Optional<PageCursor> pageCursor = cursor.filter(c -> !c.isBlank()).map(PageCursor::decode);
    if (text.isEmpty() && pageCursor.isEmpty()) {
      throw new RevOpsArgumentException("soql", "is missing",
          "Pass a SOQL SELECT such as SELECT Id, Name FROM Opportunity WHERE IsClosed = false,"
              + " or a cursor from a previous page");
    }
    Optional<GuardedQuery> query = text.map(guard::check);
    if (query.isPresent() && pageCursor.isPresent() && !pageCursor.get().belongsTo(query.get().soql())) {
      throw new RevOpsArgumentException("cursor", "was issued for a different query than the soql passed with it",
          "Pass the same soql as for the first page, or omit soql when passing a cursor");
    }
    return new Request(query, pageCursor);
  }

  private static QueryResultPage toResult(Optional<String> soql, String fingerprint, QueryPage page) {
    List<Map<String, Object>> rows = page.records().stream().map(SObjectRecord::fields).toList();
    Optional<String> next = page.next().map(c -> new PageCursor(fingerprint, c).encode());
    return new QueryResultPage(soql, page.totalSize(), rows, next);
  }
}
