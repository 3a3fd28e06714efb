package io.revops.salesforce.soql.ast;

import java.util.List;
import java.util.Objects;

/** {@code GROUP BY a, b}, {@code GROUP BY ROLLUP(a, b)} or {@code GROUP BY CUBE(a, b)}. */
public record GroupBy(Kind kind, List<Expr> exprs) {

  /** The grouping flavour. */
  public enum Kind {
    /** Plain grouping. */
    PLAIN,
    /** {@code ROLLUP(...)}: adds subtotal rows. */
    ROLLUP,
    /** {@code CUBE(...)}: adds subtotal rows for every combination. */
    CUBE
  }

  /** Copies the expressions. */
  public GroupBy {
    Objects.requireNonNull(kind, "kind");
    exprs = List.copyOf(exprs);
  }
}
