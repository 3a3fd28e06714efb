package io.revops.salesforce.soql;

import io.revops.salesforce.soql.ast.SelectQuery;
import java.util.Objects;

/**
 * A SOQL query that passed {@link SoqlGuard#check(String)}: exactly one read-only SELECT, with the
 * guard's rewrites (LIMIT, optional security clause) applied. Only the guard can make one, which is
 * what lets {@code SalesforceClient.query} promise that nothing unguarded leaves the process.
 */
public final class GuardedQuery {
  private final String soql;
  private final SelectQuery tree;

  GuardedQuery(String soql, SelectQuery tree) {
    this.soql = Objects.requireNonNull(soql, "soql");
    this.tree = Objects.requireNonNull(tree, "tree");
  }

  /** The rewritten query to send. */
  public String soql() {
    return soql;
  }

  /** The syntax tree of {@link #soql()} (the rewritten text, so its spans index into that text). */
  public SelectQuery tree() {
    return tree;
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
