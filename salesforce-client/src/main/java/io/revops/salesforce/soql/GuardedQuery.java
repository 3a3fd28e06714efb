package io.revops.salesforce.soql;

import java.util.Objects;

/**
 * A SOQL query that passed {@link SoqlGuard#check(String)}: exactly one read-only SELECT, with the
 * guard's rewrites (LIMIT, optional security clause) applied. Only the guard can make one, which is
 * what lets {@code SalesforceClient.query} promise that nothing unguarded leaves the process.
 */
public final class GuardedQuery {
  private final String soql;

  GuardedQuery(String soql) {
    this.soql = Objects.requireNonNull(soql, "soql");
  }

  /** The rewritten query to send. */
  public String soql() {
    return soql;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GuardedQuery other && other.soql.equals(soql);
  }

  @Override
  public int hashCode() {
    return soql.hashCode();
  }

  @Override
  public String toString() {
    return "GuardedQuery[" + soql + "]";
  }
}
