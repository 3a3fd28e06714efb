package io.revops.salesforce.soql.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * One ORDER BY key. Direction and null placement are empty when the query leaves them to Salesforce's
 * defaults (ascending; nulls first when ascending, last when descending).
 */
public record OrderItem(Expr expr, Optional<Direction> direction, Optional<Nulls> nulls) {

  /** {@code ASC} or {@code DESC}. */
  public enum Direction {
    /** Ascending. */
    ASC,
    /** Descending. */
    DESC
  }

  /** {@code NULLS FIRST} or {@code NULLS LAST}. */
  public enum Nulls {
    /** Nulls sort first. */
    FIRST,
    /** Nulls sort last. */
    LAST
  }

  /** Rejects nulls. */
  public OrderItem {
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(nulls, "nulls");
  }
}
