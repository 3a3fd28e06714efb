package io.revops.salesforce.soql.ast;

import java.util.List;
import java.util.Objects;

/** A WHERE or HAVING condition. */
public sealed interface Condition
    permits Condition.And,
        Condition.Or,
        Condition.Not,
        Condition.Comparison,
        Condition.InList,
        Condition.SemiJoin {

  /** Two or more conditions that must all hold. */
  record And(List<Condition> operands) implements Condition {
    /** Copies the operands. */
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** Two or more conditions of which at least one must hold. */
  record Or(List<Condition> operands) implements Condition {
    /** Copies the operands. */
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** {@code NOT condition}. */
  record Not(Condition operand) implements Condition {
    /** Rejects null. */
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** The operators of a {@link Comparison}. */
  enum Operator {
    /** {@code =}. */
    EQ,
    /** {@code !=} or {@code <>}. */
    NE,
    /** {@code <}. */
    LT,
    /** {@code <=}. */
    LE,
    /** {@code >}. */
    GT,
    /** {@code >=}. */
    GE,
    /** {@code LIKE}; the right-hand side is then a {@link Literal.LikePattern}. */
    LIKE
  }

  /** {@code left operator literal}, e.g. {@code Amount > 1000} or {@code CreatedDate = LAST_N_DAYS:30}. */
  record Comparison(Expr left, Operator operator, Literal right) implements Condition {
    /** Rejects nulls. */
    public Comparison {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(right, "right");
    }
  }

  /** The set operators of an {@link InList}. */
  enum SetOperator {
    /** {@code IN}. */
    IN,
    /** {@code NOT IN}. */
    NOT_IN,
    /** {@code INCLUDES} (multi-select picklists). */
    INCLUDES,
    /** {@code EXCLUDES} (multi-select picklists). */
    EXCLUDES
  }

  /**
   * {@code left IN ('a', 'b')} and its siblings. For INCLUDES/EXCLUDES a value may hold several
   * picklist values joined with {@code ;}, as SOQL writes them.
   */
  record InList(Expr left, SetOperator operator, List<Literal> values) implements Condition {
    /** Copies the values. */
    public InList {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(operator, "operator");
      values = List.copyOf(values);
    }
  }

  /** A semi-join {@code Id IN (SELECT ...)} or, when {@code negated}, an anti-join {@code NOT IN}. */
  record SemiJoin(Expr left, boolean negated, SelectQuery query) implements Condition {
    /** Rejects nulls. */
    public SemiJoin {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(query, "query");
    }
  }
}
