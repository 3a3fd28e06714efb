package io.revops.salesforce.soql;

import io.revops.salesforce.soql.ast.AccessMode;
import io.revops.salesforce.soql.ast.Clause;
import io.revops.salesforce.soql.ast.Condition;
import io.revops.salesforce.soql.ast.Expr;
import io.revops.salesforce.soql.ast.Literal;
import io.revops.salesforce.soql.ast.SelectItem;
import io.revops.salesforce.soql.ast.SelectQuery;
import io.revops.salesforce.soql.ast.Span;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The security boundary between a caller (a person, or Claude) and Salesforce: it lets through
 * exactly one read-only SOQL SELECT, bounded in size, and nothing else.
 *
 * <p>{@link #check(String)} parses the query with a real lexer and parser ({@link SoqlParser}), refuses
 * everything that is not plainly a read-only query, and rewrites what it accepts at token boundaries:
 * <ul>
 *   <li>LIMIT: adds {@code LIMIT max} when missing (before any OFFSET), lowers a larger LIMIT to
 *       {@code max}, keeps a smaller one. An aggregate query without GROUP BY returns one row and gets
 *       no LIMIT; {@code SELECT COUNT() ...} keeps the caller's LIMIT (it caps the count), any other
 *       such aggregate with a LIMIT is refused, as Salesforce would. LIMITs inside subqueries are left
 *       alone.
 *   <li>Security clause (off by default): adds {@code WITH SECURITY_ENFORCED} or
 *       {@code WITH USER_MODE} to the top-level query after WHERE and WITH DATA CATEGORY, before
 *       GROUP BY, ORDER BY, LIMIT and OFFSET; keeps the same clause if the query already has it, and
 *       refuses a different one.
 * </ul>
 * The rewritten query is parsed and checked again before it is returned. Instances are immutable and
 * safe to share between threads.
 */
public final class SoqlGuard {
  /** Salesforce's limit on the length of a SOQL statement. */
  public static final int MAX_QUERY_LENGTH = 100_000;
  /** Salesforce's limit on the length of one string literal in a WHERE clause. */
  public static final int MAX_WHERE_LITERAL_LENGTH = 4_000;
  /** Salesforce's largest OFFSET. */
  public static final int MAX_OFFSET = 2_000;
  /** The LIMIT {@link #defaults()} enforces. */
  public static final int DEFAULT_MAX_LIMIT = 200;
  /** {@code FIELDS(ALL)} and {@code FIELDS(CUSTOM)} need a LIMIT of at most 200. */
  private static final int FIELDS_ALL_MAX_LIMIT = 200;

  private final int maxLimit;
  private final SecurityClause securityClause;

  private SoqlGuard(Builder builder) {
    this.maxLimit = builder.maxLimit;
    this.securityClause = builder.securityClause;
  }

  /** A guard with {@code maxLimit} 200 and no security clause. */
  public static SoqlGuard defaults() {
    return builder().build();
  }

  /** Starts a guard with the defaults of {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The largest LIMIT this guard lets through. */
  public int maxLimit() {
    return maxLimit;
  }

  /** The access-mode clause this guard adds. */
  public SecurityClause securityClause() {
    return securityClause;
  }

  /**
   * Checks and rewrites one query.
   *
   * @param soql the query as the caller wrote it
   * @return the query to send
   * @throws SoqlRejectedException if the query is not one read-only SELECT this guard accepts; the
   *     message names the offending token and its position
   * @throws NullPointerException if {@code soql} is null
   */
  public GuardedQuery check(String soql) {
    Objects.requireNonNull(soql, "soql");
    rejectTooLong(soql, "the query");
    SelectQuery query = SoqlParser.parse(soql);
    enforce(query, true);
    String rewritten = rewrite(soql, query);
    rejectTooLong(rewritten, "the query with its added clauses");
    return new GuardedQuery(rewritten, recheck(rewritten));
  }

  /** The rewrite must parse, pass the same policy, and need no further rewriting. */
  private SelectQuery recheck(String rewritten) {
    SelectQuery again;
    try {
      again = SoqlParser.parse(rewritten);
      enforce(again, true);
    } catch (SoqlRejectedException e) {
      throw new IllegalStateException("SOQL guard bug: its rewrite does not pass its own check: " + e.getMessage(), e);
    }
    if (!rewrite(rewritten, again).equals(rewritten)) {
      throw new IllegalStateException("SOQL guard bug: its rewrite is not stable");
    }
    return again;
  }

  private static void rejectTooLong(String soql, String what) {
    if (soql.length() > MAX_QUERY_LENGTH) {
      throw new SoqlRejectedException(String.format(
          "%s is %,d characters long; Salesforce accepts at most %,d", what, soql.length(), MAX_QUERY_LENGTH),
          MAX_QUERY_LENGTH);
    }
  }

  // ---- policy ----

  private void enforce(SelectQuery query, boolean topLevel) {
    query.accessMode().ifPresent(mode -> enforceAccessMode(query, mode, topLevel));
    query.offset().ifPresent(offset -> {
      if (offset.compareTo(BigInteger.valueOf(MAX_OFFSET)) > 0) {
        throw rejectAt(query, Clause.OFFSET,
            "OFFSET " + offset + " is too large: Salesforce allows at most OFFSET " + MAX_OFFSET);
      }
    });
    query.where().ifPresent(where -> {
      if (literals(where).anyMatch(SoqlGuard::isOverlongString)) {
        throw rejectAt(query, Clause.WHERE, String.format(
            "a string literal in WHERE is longer than %,d characters, Salesforce's limit", MAX_WHERE_LITERAL_LENGTH));
      }
    });
    if (topLevel && query.isAggregate() && query.groupBy().isEmpty() && query.limit().isPresent()
        && !query.isCountQuery()) {
      throw rejectAt(query, Clause.LIMIT,
          "LIMIT is not allowed on an aggregate query without GROUP BY (it returns one row): remove the LIMIT");
    }
    subqueries(query).forEach(sub -> enforce(sub, false));
  }

  private void enforceAccessMode(SelectQuery query, AccessMode mode, boolean topLevel) {
    if (mode == AccessMode.SYSTEM_MODE) {
      throw rejectAt(query, Clause.WITH_ACCESS_MODE,
          "WITH SYSTEM_MODE is not allowed: queries run with the calling user's permissions");
    }
    if (!topLevel) {
      throw rejectAt(query, Clause.WITH_ACCESS_MODE,
          "WITH " + mode + " is not allowed inside a subquery: put it on the outer query");
    }
    if (securityClause != SecurityClause.NONE && !mode.name().equals(securityClause.name())) {
      throw rejectAt(query, Clause.WITH_ACCESS_MODE,
          "WITH " + mode + " is not allowed: this guard enforces WITH " + securityClause.name()
              + "; remove the clause and the guard adds its own");
    }
  }

  private static boolean isOverlongString(Literal literal) {
    return (literal instanceof Literal.StringValue s && s.value().length() > MAX_WHERE_LITERAL_LENGTH)
        || (literal instanceof Literal.LikePattern p && p.pattern().length() > MAX_WHERE_LITERAL_LENGTH);
  }

  /** The literals of a condition, not descending into semi-join subqueries. */
  private static Stream<Literal> literals(Condition condition) {
    if (condition instanceof Condition.And and) {
      return and.operands().stream().flatMap(SoqlGuard::literals);
    }
    if (condition instanceof Condition.Or or) {
      return or.operands().stream().flatMap(SoqlGuard::literals);
    }
    if (condition instanceof Condition.Not not) {
      return literals(not.operand());
    }
    if (condition instanceof Condition.Comparison c) {
      return Stream.of(c.right());
    }
    if (condition instanceof Condition.InList in) {
      return in.values().stream();
    }
    return Stream.empty();
  }

  /** The child subqueries and the semi-joins directly under this query. */
  private static Stream<SelectQuery> subqueries(SelectQuery query) {
    Stream<SelectQuery> children = query.select().stream()
        .filter(SelectItem.Subquery.class::isInstance)
        .map(item -> ((SelectItem.Subquery) item).query());
    Stream<SelectQuery> semiJoins = Stream.concat(query.where().stream(), query.having().stream())
        .flatMap(SoqlGuard::semiJoins);
    return Stream.concat(children, semiJoins);
  }

  private static Stream<SelectQuery> semiJoins(Condition condition) {
    if (condition instanceof Condition.And and) {
      return and.operands().stream().flatMap(SoqlGuard::semiJoins);
    }
    if (condition instanceof Condition.Or or) {
      return or.operands().stream().flatMap(SoqlGuard::semiJoins);
    }
    if (condition instanceof Condition.Not not) {
      return semiJoins(not.operand());
    }
    if (condition instanceof Condition.SemiJoin join) {
      return Stream.of(join.query());
    }
    return Stream.empty();
  }

  private static SoqlRejectedException rejectAt(SelectQuery query, Clause clause, String message) {
    int position = query.clause(clause).map(Span::start).orElse(query.span().start());
    return new SoqlRejectedException(message, position);
  }

  // ---- rewriting ----

  /** A text edit: replace {@code [start, end)} with {@code text}. */
  private record Edit(int start, int end, String text) {}

  private String rewrite(String soql, SelectQuery query) {
    List<Edit> edits = new ArrayList<>();
    limitEdit(query).ifPresent(edits::add);
    securityEdit(query).ifPresent(edits::add);
    // Right to left, so earlier offsets stay valid; at equal offsets the LIMIT edit goes first and so
    // ends up after the security clause.
    edits.sort(Comparator.comparingInt(Edit::start).reversed());
    StringBuilder text = new StringBuilder(soql);
    for (Edit edit : edits) {
      text.replace(edit.start(), edit.end(), edit.text());
    }
    return text.toString();
  }

  private Optional<Edit> limitEdit(SelectQuery query) {
    if (query.isAggregate() && query.groupBy().isEmpty()) {
      return Optional.empty();
    }
    int max = usesAllFields(query) ? Math.min(maxLimit, FIELDS_ALL_MAX_LIMIT) : maxLimit;
    Optional<Span> limit = query.clause(Clause.LIMIT);
    if (limit.isEmpty()) {
      int at = endOfLast(query, Clause.FROM, Clause.USING_SCOPE, Clause.WHERE, Clause.WITH_DATA_CATEGORY,
          Clause.WITH_ACCESS_MODE, Clause.GROUP_BY, Clause.HAVING, Clause.ORDER_BY);
      return Optional.of(new Edit(at, at, " LIMIT " + max));
    }
    if (query.limit().orElseThrow().compareTo(BigInteger.valueOf(max)) > 0) {
      return Optional.of(new Edit(limit.get().start(), limit.get().end(), "LIMIT " + max));
    }
    return Optional.empty();
  }

  private Optional<Edit> securityEdit(SelectQuery query) {
    if (securityClause == SecurityClause.NONE || query.accessMode().isPresent()) {
      return Optional.empty();
    }
    int at = endOfLast(query, Clause.FROM, Clause.USING_SCOPE, Clause.WHERE, Clause.WITH_DATA_CATEGORY);
    return Optional.of(new Edit(at, at, " WITH " + securityClause.name()));
  }

  /** The end offset of the last of {@code candidates} the query has (FROM is always present). */
  private static int endOfLast(SelectQuery query, Clause... candidates) {
    int end = -1;
    for (Clause clause : candidates) {
      Optional<Span> span = query.clause(clause);
      if (span.isPresent()) {
        end = span.get().end();
      }
    }
    return end;
  }

  /** {@code FIELDS(ALL)} or {@code FIELDS(CUSTOM)} in the top-level SELECT list. */
  private static boolean usesAllFields(SelectQuery query) {
    return query.select().stream().anyMatch(item -> item instanceof SelectItem.Field f
        && f.expr() instanceof Expr.FunctionCall call
        && call.name().equals("FIELDS")
        && call.args().size() == 1
        && call.args().get(0) instanceof Expr.FieldPath arg
        && (arg.dotted().equalsIgnoreCase("ALL") || arg.dotted().equalsIgnoreCase("CUSTOM")));
  }

  @Override
  public String toString() {
    return "SoqlGuard[maxLimit=" + maxLimit + ", securityClause=" + securityClause + "]";
  }

  /** Builds a {@link SoqlGuard}; starts from the values of {@link SoqlGuard#defaults()}. */
  public static final class Builder {
    private int maxLimit = DEFAULT_MAX_LIMIT;
    private SecurityClause securityClause = SecurityClause.NONE;

    private Builder() {}

    /**
     * The largest LIMIT to let through; larger ones are lowered to it and it is added where missing.
     *
     * @throws IllegalArgumentException if {@code maxLimit} is less than 1
     */
    public Builder maxLimit(int maxLimit) {
      if (maxLimit < 1) {
        throw new IllegalArgumentException("maxLimit must be at least 1, got " + maxLimit);
      }
      this.maxLimit = maxLimit;
      return this;
    }

    /**
     * The access-mode clause to add to every top-level query ({@link SecurityClause#NONE} by default).
     *
     * @throws NullPointerException if {@code securityClause} is null (use {@link SecurityClause#NONE})
     */
    public Builder securityClause(SecurityClause securityClause) {
      this.securityClause = Objects.requireNonNull(securityClause, "securityClause (use SecurityClause.NONE for none)");
      return this;
    }

    /** The guard. */
    public SoqlGuard build() {
      return new SoqlGuard(this);
    }
  }
}
