package io.revops.salesforce.soql;

import io.revops.salesforce.soql.ast.SelectQuery;
import java.util.Objects;

/**
 * Parses one read-only SOQL SELECT statement into an immutable {@link SelectQuery} tree.
 *
 * <p>The parser covers the read-only grammar: field lists with parent paths and aliases, child
 * subqueries, {@code TYPEOF}, function calls ({@code COUNT()}, {@code SUM}, {@code toLabel},
 * {@code FORMAT}, {@code convertCurrency}, {@code FIELDS()}, {@code DISTANCE}/{@code GEOLOCATION},
 * date functions), {@code USING SCOPE}, WHERE conditions with semi-joins, {@code WITH DATA CATEGORY},
 * {@code WITH SECURITY_ENFORCED|USER_MODE|SYSTEM_MODE}, {@code GROUP BY [ROLLUP|CUBE]},
 * {@code HAVING}, {@code ORDER BY ... NULLS FIRST|LAST}, {@code LIMIT} and {@code OFFSET}.
 *
 * <p>It refuses, with a {@link SoqlRejectedException} naming the construct and its position: anything
 * that is not exactly one SELECT, comments, semicolons, bind variables, double quotes, invalid escapes,
 * non-ASCII characters outside string literals, raw control characters inside them, mixed AND/OR
 * without parentheses, and the write or locking clauses {@code FOR UPDATE|VIEW|REFERENCE},
 * {@code UPDATE TRACKING|VIEWSTAT}, {@code ALL ROWS}, {@code SET OPTIONS} and {@code BIND}. It applies
 * no policy beyond that: use {@link SoqlGuard} before sending a query.
 */
public final class SoqlParser {
  private SoqlParser() {}

  /**
   * Parses {@code soql}.
   *
   * @throws SoqlRejectedException if the text is not one well-formed read-only SELECT statement
   */
  public static SelectQuery parse(String soql) {
    Objects.requireNonNull(soql, "soql");
    return new Parser(soql).statement();
  }
}
