package io.revops.salesforce.soql.ast;

import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One SELECT statement: the top-level query, a child subquery in a SELECT list, or a semi-join in a
 * condition. Optional clauses the query does not have are empty. {@link #clauses()} maps each clause
 * the query has to its {@link Span} in the source text; {@link #span()} covers the whole statement
 * (for a subquery, without its parentheses).
 */
public record SelectQuery(
    List<SelectItem> select,
    List<FromItem> from,
    Optional<String> usingScope,
    Optional<Condition> where,
    List<DataCategoryFilter> dataCategories,
    Optional<AccessMode> accessMode,
    Optional<GroupBy> groupBy,
    Optional<Condition> having,
    List<OrderItem> orderBy,
    Optional<BigInteger> limit,
    Optional<BigInteger> offset,
    Span span,
    Map<Clause, Span> clauses) {

  /** Copies the collections and rejects nulls. */
  public SelectQuery {
    select = List.copyOf(select);
    from = List.copyOf(from);
    Objects.requireNonNull(usingScope, "usingScope");
    Objects.requireNonNull(where, "where");
    dataCategories = List.copyOf(dataCategories);
    Objects.requireNonNull(accessMode, "accessMode");
    Objects.requireNonNull(groupBy, "groupBy");
    Objects.requireNonNull(having, "having");
    orderBy = List.copyOf(orderBy);
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(span, "span");
    clauses = Map.copyOf(clauses);
  }

  /** The span of {@code clause} in the source text, if the query has it. */
  public Optional<Span> clause(Clause clause) {
    return Optional.ofNullable(clauses.get(clause));
  }

  /** The clause spans in SOQL clause order (an ordered view of {@link #clauses()}). */
  public Map<Clause, Span> clausesInOrder() {
    EnumMap<Clause, Span> ordered = new EnumMap<>(Clause.class);
    ordered.putAll(clauses);
    return Collections.unmodifiableMap(ordered);
  }

  /** The object (or, in a child subquery, the relationship) the query reads: the first FROM entry. */
  public Expr.FieldPath object() {
    return from.get(0).path();
  }

  /** Whether the SELECT list uses an aggregate function (COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX). */
  public boolean isAggregate() {
    return select.stream()
        .anyMatch(i -> i instanceof SelectItem.Field f
            && f.expr() instanceof Expr.FunctionCall call
            && call.containsAggregate());
  }

  /** Whether the SELECT list is the row-count form {@code SELECT COUNT() FROM ...}. */
  public boolean isCountQuery() {
    return select.stream()
        .anyMatch(i -> i instanceof SelectItem.Field f
            && f.expr() instanceof Expr.FunctionCall call
            && call.name().equals("COUNT")
            && call.args().isEmpty());
  }
}
