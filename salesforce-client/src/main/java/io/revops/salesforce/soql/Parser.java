package io.revops.salesforce.soql;

import io.revops.salesforce.soql.Token.Type;
import io.revops.salesforce.soql.ast.AccessMode;
import io.revops.salesforce.soql.ast.Clause;
import io.revops.salesforce.soql.ast.Condition;
import io.revops.salesforce.soql.ast.DataCategoryFilter;
import io.revops.salesforce.soql.ast.Expr;
import io.revops.salesforce.soql.ast.FromItem;
import io.revops.salesforce.soql.ast.GroupBy;
import io.revops.salesforce.soql.ast.Literal;
import io.revops.salesforce.soql.ast.OrderItem;
import io.revops.salesforce.soql.ast.SelectItem;
import io.revops.salesforce.soql.ast.SelectQuery;
import io.revops.salesforce.soql.ast.Span;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for the read-only SOQL SELECT grammar; one method per grammar rule.
 * Keywords are contextual (SOQL objects may be called {@code Group} or {@code Order}): a word is a
 * keyword only where the grammar expects one. Write and locking clauses ({@code FOR UPDATE},
 * {@code UPDATE TRACKING}, {@code ALL ROWS}, ...) are recognised only to name them in the error.
 */
final class Parser {
  /** Reserved words: never a field, object, scope or category name (Salesforce's grammar agrees). */
  private static final Set<String> RESERVED = Set.of(
      "AND", "AS", "ASC", "BIND", "BY", "CUBE", "DESC", "ELSE", "EXCLUDES", "FALSE", "FIRST", "FOR", "FROM",
      "HAVING", "IN", "INCLUDES", "LAST", "LIKE", "LIMIT", "LOOKUP", "NOT", "NULL", "NULLS", "OR", "ROLLUP",
      "SELECT", "TRUE", "UPDATE", "USING", "WHERE", "WITH");

  /** Every SOQL keyword; a USING SCOPE name may be none of them. */
  private static final Set<String> KEYWORDS = union(RESERVED, Set.of(
      "DATA", "CATEGORY", "AT", "ABOVE", "BELOW", "ABOVE_OR_BELOW", "OFFSET", "VIEW", "REFERENCE", "TYPEOF",
      "WHEN", "THEN", "END", "DISTANCE", "GEOLOCATION", "GROUP", "ORDER", "CASE", "FIELDS", "COUNT", "SCOPE",
      "HIERARCHICAL", "FLAT"));

  /** Words that may not be aliases either: Salesforce's list, plus the clause starters this parser names. */
  private static final Set<String> NOT_ALIASES = union(RESERVED, Set.of(
      "GROUP", "ORDER", "OFFSET", "ALL", "SET", "TYPEOF", "WHEN", "THEN", "END"));

  private static final Set<String> DML = Set.of(
      "INSERT", "UPDATE", "UPSERT", "DELETE", "UNDELETE", "MERGE", "CREATE", "DROP", "ALTER");

  private static final Set<String> DATE_LITERALS = Set.of(
      "YESTERDAY", "TODAY", "TOMORROW",
      "LAST_WEEK", "THIS_WEEK", "NEXT_WEEK", "LAST_MONTH", "THIS_MONTH", "NEXT_MONTH",
      "LAST_QUARTER", "THIS_QUARTER", "NEXT_QUARTER", "LAST_YEAR", "THIS_YEAR", "NEXT_YEAR",
      "LAST_FISCAL_QUARTER", "THIS_FISCAL_QUARTER", "NEXT_FISCAL_QUARTER",
      "LAST_FISCAL_YEAR", "THIS_FISCAL_YEAR", "NEXT_FISCAL_YEAR",
      "LAST_90_DAYS", "NEXT_90_DAYS");

  private static final Set<String> DATE_LITERALS_WITH_N = Set.of(
      "LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO",
      "LAST_N_WEEKS", "NEXT_N_WEEKS", "N_WEEKS_AGO",
      "LAST_N_MONTHS", "NEXT_N_MONTHS", "N_MONTHS_AGO",
      "LAST_N_QUARTERS", "NEXT_N_QUARTERS", "N_QUARTERS_AGO",
      "LAST_N_YEARS", "NEXT_N_YEARS", "N_YEARS_AGO",
      "LAST_N_FISCAL_QUARTERS", "NEXT_N_FISCAL_QUARTERS", "N_FISCAL_QUARTERS_AGO",
      "LAST_N_FISCAL_YEARS", "NEXT_N_FISCAL_YEARS", "N_FISCAL_YEARS_AGO");

  /** Deeper nesting than any real query; bounds recursion so hostile input cannot overflow the stack. */
  static final int MAX_NESTING = 64;

  /** Where a SELECT statement sits; semi-joins allow a much smaller grammar. */
  private enum Kind {
    TOP_LEVEL,
    CHILD_SUBQUERY,
    SEMI_JOIN
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    HashSet<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private final Scanner scanner;
  private final List<Token> tokens = new ArrayList<>();
  private int position;
  private Token previous;
  private int depth;

  Parser(String source) {
    this.scanner = new Scanner(source);
  }

  /** statement := query EOF. */
  SelectQuery statement() {
    Token first = peek();
    if (!first.isKeyword("SELECT")) {
      throw notASelect(first);
    }
    SelectQuery query = query(Kind.TOP_LEVEL);
    Token end = peek();
    if (!end.is(Type.EOF)) {
      if (end.isKeyword("SELECT")) {
        throw reject("a second statement is not allowed: send exactly one SELECT", end);
      }
      throw reject("unexpected " + end.describe() + " after the end of the query", end);
    }
    return query;
  }

  private SoqlRejectedException notASelect(Token first) {
    if (first.is(Type.EOF)) {
      return reject("the query is empty: write a SELECT statement", first);
    }
    String word = first.text().toUpperCase(Locale.ROOT);
    if (first.is(Type.IDENT) && DML.contains(word)) {
      return reject(word + " is not allowed: only read-only SELECT queries run here", first);
    }
    if (first.isKeyword("FIND")) {
      return reject("FIND is SOSL, not SOQL: only SELECT queries run here", first);
    }
    return reject("a query must start with SELECT, not " + first.describe(), first);
  }

  /**
   * query := SELECT selectList FROM fromList [USING SCOPE name] [WHERE condition] [WITH ...]
   * [GROUP BY groupBy [HAVING condition]] [ORDER BY orderBy] [LIMIT n] [OFFSET n].
   */
  private SelectQuery query(Kind kind) {
    Map<Clause, Span> spans = new EnumMap<>(Clause.class);
    Token start = peek();
    List<SelectItem> select = clause(spans, Clause.SELECT,
        () -> kind == Kind.SEMI_JOIN ? List.of(semiJoinSelectItem()) : selectList(), "SELECT")
        .orElseThrow(() -> reject("a query must start with SELECT, found " + start.describe(), start));
    if (!peek().isKeyword("FROM")) {
      throw reject("expected FROM after the SELECT list, found " + peek().describe(), peek());
    }
    List<FromItem> from = clause(spans, Clause.FROM, this::fromList, "FROM").orElseThrow();
    Optional<String> scope = clause(spans, Clause.USING_SCOPE, this::scopeName, "USING", "SCOPE");
    Optional<Condition> where = clause(spans, Clause.WHERE, () -> conditionExpression("WHERE"), "WHERE");
    WithClauses with = withClauses(spans);
    if (kind == Kind.SEMI_JOIN) {
      rejectSemiJoinClause();
    }
    Optional<GroupBy> groupBy = clause(spans, Clause.GROUP_BY, this::groupBy, "GROUP", "BY");
    Optional<Condition> having = groupBy.isEmpty() ? Optional.empty()
        : clause(spans, Clause.HAVING, () -> conditionExpression("HAVING"), "HAVING");
    List<OrderItem> orderBy = clause(spans, Clause.ORDER_BY, this::orderByList, "ORDER", "BY").orElse(List.of());
    Optional<BigInteger> limit = clause(spans, Clause.LIMIT, () -> count("LIMIT"), "LIMIT");
    Optional<BigInteger> offset = clause(spans, Clause.OFFSET, () -> count("OFFSET"), "OFFSET");
    rejectMisplacedClause(spans);
    return new SelectQuery(select, from, scope, where, with.categories(), with.accessMode(), groupBy, having,
        orderBy, limit, offset, spanFrom(start), spans);
  }

  /**
   * An optional clause introduced by {@code keywords} (e.g. ORDER BY): parses its body when the first
   * keyword is next, and records the clause's span.
   */
  private <T> Optional<T> clause(Map<Clause, Span> spans, Clause clause, Supplier<T> body, String... keywords) {
    if (!peek().isKeyword(keywords[0])) {
      return Optional.empty();
    }
    Token start = advance();
    for (int i = 1; i < keywords.length; i++) {
      expectKeyword(keywords[i], "expected " + keywords[i] + " after " + keywords[i - 1]);
    }
    T value = body.get();
    spans.put(clause, spanFrom(start));
    return Optional.of(value);
  }

  private record WithClauses(List<DataCategoryFilter> categories, Optional<AccessMode> accessMode) {}

  /** withClauses := [WITH DATA CATEGORY filters] [WITH accessMode]. */
  private WithClauses withClauses(Map<Clause, Span> spans) {
    List<DataCategoryFilter> categories = List.of();
    Optional<AccessMode> accessMode = Optional.empty();
    while (peek().isKeyword("WITH")) {
      Token with = advance();
      if (peek().isKeyword("DATA")) {
        if (!categories.isEmpty() || accessMode.isPresent()) {
          throw reject("WITH DATA CATEGORY must come once, before any WITH SECURITY_ENFORCED or WITH USER_MODE", with);
        }
        advance();
        expectKeyword("CATEGORY", "expected CATEGORY after WITH DATA");
        categories = dataCategoryFilters();
        spans.put(Clause.WITH_DATA_CATEGORY, spanFrom(with));
      } else {
        AccessMode mode = accessMode(with);
        if (accessMode.isPresent()) {
          throw reject("a second access-mode clause (WITH " + mode + ") is not allowed", with);
        }
        accessMode = Optional.of(mode);
        spans.put(Clause.WITH_ACCESS_MODE, spanFrom(with));
      }
    }
    return new WithClauses(categories, accessMode);
  }

  // ---- SELECT list ----

  /** selectList := selectItem (',' selectItem)*. */
  private List<SelectItem> selectList() {
    List<SelectItem> items = new ArrayList<>();
    Token countStar = null;
    do {
      Token start = peek();
      SelectItem item = selectItem();
      if (isCountStar(item)) {
        countStar = start;
      }
      items.add(item);
    } while (match(Type.COMMA));
    if (countStar != null && items.size() > 1) {
      throw reject("COUNT() must be the only item in the SELECT list: use COUNT(Id) next to other fields", countStar);
    }
    return items;
  }

  private static boolean isCountStar(SelectItem item) {
    return item instanceof SelectItem.Field f
        && f.expr() instanceof Expr.FunctionCall call
        && call.name().equals("COUNT")
        && call.args().isEmpty();
  }

  /** selectItem := '(' query ')' | typeOf | expr [alias]. */
  private SelectItem selectItem() {
    if (peek().is(Type.LPAREN)) {
      advance();
      SelectQuery sub = nestedQuery(Kind.CHILD_SUBQUERY, "a child relationship subquery");
      return new SelectItem.Subquery(sub);
    }
    if (peek().isKeyword("TYPEOF") && peekAt(1).is(Type.IDENT)) {
      return typeOf();
    }
    if (peek().isKeyword("FROM")) {
      throw reject("expected a field before FROM", peek());
    }
    Token start = peek();
    Expr expr = fieldOrCall("a field name", true);
    Optional<String> alias = alias();
    if (alias.isPresent() && expr instanceof Expr.FunctionCall call
        && call.name().equals("COUNT") && call.args().isEmpty()) {
      throw reject("COUNT() cannot take an alias: write COUNT(Id) " + alias.get() + " instead", start);
    }
    return new SelectItem.Field(expr, alias);
  }

  /** typeOf := TYPEOF field (WHEN type THEN fields)+ [ELSE fields] END. */
  private SelectItem typeOf() {
    advance();
    Expr.FieldPath field = fieldPath("a polymorphic relationship after TYPEOF");
    List<SelectItem.When> whens = new ArrayList<>();
    while (peek().isKeyword("WHEN")) {
      advance();
      String type = name("an object name after WHEN").text();
      expectKeyword("THEN", "expected THEN after WHEN " + type);
      whens.add(new SelectItem.When(type, fieldPathList()));
    }
    if (whens.isEmpty()) {
      throw reject("TYPEOF needs at least one WHEN ... THEN ...", peek());
    }
    List<Expr.FieldPath> elseFields = List.of();
    if (peek().isKeyword("ELSE")) {
      advance();
      elseFields = fieldPathList();
    }
    expectKeyword("END", "expected END to close TYPEOF");
    return new SelectItem.TypeOf(field, whens, elseFields);
  }

  private List<Expr.FieldPath> fieldPathList() {
    List<Expr.FieldPath> fields = new ArrayList<>();
    do {
      fields.add(fieldPath("a field name"));
    } while (match(Type.COMMA));
    return fields;
  }

  /** alias := IDENT, unless it is a reserved word. */
  private Optional<String> alias() {
    Token t = peek();
    if (t.is(Type.IDENT) && !NOT_ALIASES.contains(t.text().toUpperCase(Locale.ROOT))) {
      advance();
      return Optional.of(t.text());
    }
    return Optional.empty();
  }

  // ---- FROM ----

  /** fromList := fieldPath [alias] (',' fieldPath [alias])*. */
  private List<FromItem> fromList() {
    List<FromItem> items = new ArrayList<>();
    do {
      Expr.FieldPath path = fieldPath("an object name after FROM");
      items.add(new FromItem(path, alias()));
    } while (match(Type.COMMA));
    return items;
  }

  private String scopeName() {
    Token t = identifier("a scope name after USING SCOPE, such as mine or team");
    if (KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
      throw reject("expected a scope name after USING SCOPE, such as mine or team, found the keyword "
          + t.text().toUpperCase(Locale.ROOT), t);
    }
    return t.text();
  }

  // ---- WITH ----

  private AccessMode accessMode(Token with) {
    Token t = peek();
    String word = t.is(Type.IDENT) ? t.text().toUpperCase(Locale.ROOT) : "";
    switch (word) {
      case "SECURITY_ENFORCED":
        advance();
        return AccessMode.SECURITY_ENFORCED;
      case "USER_MODE":
        advance();
        return AccessMode.USER_MODE;
      case "SYSTEM_MODE":
        advance();
        return AccessMode.SYSTEM_MODE;
      default:
        throw reject("WITH " + (t.is(Type.EOF) ? "" : t.text() + " ")
            + "is not supported: only WITH DATA CATEGORY, WITH SECURITY_ENFORCED and WITH USER_MODE", with);
    }
  }

  /** dataCategoryFilters := filter (AND filter)*. */
  private List<DataCategoryFilter> dataCategoryFilters() {
    List<DataCategoryFilter> filters = new ArrayList<>();
    do {
      filters.add(dataCategoryFilter());
    } while (matchKeyword("AND"));
    return filters;
  }

  /** filter := group selector (category | '(' category (',' category)* ')'). */
  private DataCategoryFilter dataCategoryFilter() {
    String group = name("a data category group name").text();
    Token selectorToken = identifier("AT, ABOVE, BELOW or ABOVE_OR_BELOW");
    DataCategoryFilter.Selector selector;
    try {
      selector = DataCategoryFilter.Selector.valueOf(selectorToken.text().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw reject("expected AT, ABOVE, BELOW or ABOVE_OR_BELOW, found " + selectorToken.describe(), selectorToken);
    }
    List<String> categories = new ArrayList<>();
    if (match(Type.LPAREN)) {
      do {
        categories.add(name("a data category name").text());
      } while (match(Type.COMMA));
      expect(Type.RPAREN, "expected ')' to close the category list");
    } else {
      categories.add(name("a data category name").text());
    }
    return new DataCategoryFilter(group, selector, categories);
  }

  // ---- GROUP BY / ORDER BY ----

  /** groupBy := (ROLLUP | CUBE) '(' exprs ')' | exprs. */
  private GroupBy groupBy() {
    for (GroupBy.Kind kind : List.of(GroupBy.Kind.ROLLUP, GroupBy.Kind.CUBE)) {
      if (peek().isKeyword(kind.name()) && peekAt(1).is(Type.LPAREN)) {
        advance();
        advance();
        List<Expr> exprs = exprList();
        expect(Type.RPAREN, "expected ')' to close " + kind.name());
        return new GroupBy(kind, exprs);
      }
    }
    return new GroupBy(GroupBy.Kind.PLAIN, exprList());
  }

  private List<Expr> exprList() {
    List<Expr> exprs = new ArrayList<>();
    do {
      exprs.add(fieldOrCall("a field name", false));
    } while (match(Type.COMMA));
    return exprs;
  }

  /** orderByList := expr [ASC|DESC] [NULLS FIRST|LAST] (',' ...)*. */
  private List<OrderItem> orderByList() {
    List<OrderItem> items = new ArrayList<>();
    do {
      Expr expr = fieldOrCall("a field name after ORDER BY", false);
      Optional<OrderItem.Direction> direction = Optional.empty();
      if (matchKeyword("ASC")) {
        direction = Optional.of(OrderItem.Direction.ASC);
      } else if (matchKeyword("DESC")) {
        direction = Optional.of(OrderItem.Direction.DESC);
      }
      Optional<OrderItem.Nulls> nulls = Optional.empty();
      if (matchKeyword("NULLS")) {
        if (matchKeyword("FIRST")) {
          nulls = Optional.of(OrderItem.Nulls.FIRST);
        } else if (matchKeyword("LAST")) {
          nulls = Optional.of(OrderItem.Nulls.LAST);
        } else {
          throw reject("expected FIRST or LAST after NULLS, found " + peek().describe(), peek());
        }
      }
      items.add(new OrderItem(expr, direction, nulls));
    } while (match(Type.COMMA));
    return items;
  }

  // ---- LIMIT / OFFSET ----

  /** count := INTEGER (no sign, no decimals, no leading zeros). */
  private BigInteger count(String clause) {
    Token t = peek();
    if (t.is(Type.COLON)) {
      throw reject("bind variables are not allowed: write " + clause + " with a number, as in " + clause + " 100", t);
    }
    if (!t.is(Type.INTEGER)) {
      throw reject(clause + " needs a whole number such as " + clause + " 100, found " + t.describe(), t);
    }
    advance();
    if (t.text().length() > 1 && t.text().charAt(0) == '0') {
      throw reject(clause + " " + t.text() + " has leading zeros: write "
          + clause + " " + new BigInteger(t.text()), t);
    }
    return new BigInteger(t.text());
  }

  /** Names clauses that are write/lock operations, repeated, or out of order. */
  private void rejectMisplacedClause(Map<Clause, Span> clauses) {
    Token t = peek();
    if (!t.is(Type.IDENT)) {
      return;
    }
    Token next = peekAt(1);
    String word = t.text().toUpperCase(Locale.ROOT);
    String nextWord = next.is(Type.IDENT) ? next.text().toUpperCase(Locale.ROOT) : "";
    switch (word) {
      case "FOR":
        if (Set.of("UPDATE", "VIEW", "REFERENCE").contains(nextWord)) {
          throw reject("FOR " + nextWord + " is not allowed: only read-only queries run here", t);
        }
        break;
      case "UPDATE":
        if (Set.of("TRACKING", "VIEWSTAT").contains(nextWord)) {
          throw reject("UPDATE " + nextWord + " is not allowed: only read-only queries run here", t);
        }
        break;
      case "ALL":
        if (nextWord.equals("ROWS")) {
          throw reject("ALL ROWS is not allowed: it is Apex-only (deleted and archived rows)", t);
        }
        break;
      case "SET":
        throw reject("SET OPTIONS is not supported here", t);
      case "BIND":
        throw reject("BIND is not supported here: write values inline as literals", t);
      case "LIMIT":
      case "OFFSET":
        if (clauses.containsKey(Clause.valueOf(word))) {
          throw reject(word + " appears twice: write it once", t);
        }
        throw reject("LIMIT must come before OFFSET", t);
      case "WITH":
        throw reject("WITH must come right after FROM/WHERE, before GROUP BY, ORDER BY, LIMIT and OFFSET", t);
      case "WHERE":
      case "GROUP":
      case "HAVING":
      case "ORDER":
      case "USING":
        throw reject(word + " is out of place: clauses go SELECT, FROM, USING SCOPE, WHERE, WITH, GROUP BY,"
            + " HAVING, ORDER BY, LIMIT, OFFSET, each at most once", t);
      default:
        break;
    }
  }

  // ---- conditions ----

  /**
   * conditionExpression := NOT term | term (AND term)* | term (OR term)*. Salesforce's grammar takes
   * NOT only as the whole of a condition or a parenthesised group, and never mixes AND with OR.
   */
  private Condition conditionExpression(String clause) {
    if (peek().is(Type.EOF)) {
      throw reject("the query ends after " + clause + ": expected a condition", peek());
    }
    if (peek().isKeyword("NOT")) {
      Token not = advance();
      Condition negated = new Condition.Not(conditionTerm(clause));
      Token after = peek();
      if (after.isKeyword("AND") || after.isKeyword("OR")) {
        throw reject("NOT must cover the whole condition: wrap it in parentheses, as in (NOT a = 1) "
            + after.text().toUpperCase(Locale.ROOT) + " b = 2", not);
      }
      return negated;
    }
    Condition first = conditionTerm(clause);
    String connective = peek().isKeyword("AND") ? "AND" : peek().isKeyword("OR") ? "OR" : null;
    if (connective == null) {
      return first;
    }
    List<Condition> operands = new ArrayList<>(List.of(first));
    while (true) {
      Token t = peek();
      if (t.isKeyword(connective)) {
        advance();
        if (peek().isKeyword("NOT")) {
          throw reject("NOT after " + connective + " needs parentheses: write " + connective + " (NOT ...)", peek());
        }
        operands.add(conditionTerm(clause));
      } else if (t.isKeyword("AND") || t.isKeyword("OR")) {
        throw reject("mixing AND and OR needs parentheses: group the conditions, as in a = 1 AND (b = 2 OR c = 3)", t);
      } else {
        break;
      }
    }
    return connective.equals("AND") ? new Condition.And(operands) : new Condition.Or(operands);
  }

  /** conditionTerm := '(' conditionExpression ')' | predicate. */
  private Condition conditionTerm(String clause) {
    if (peek().is(Type.LPAREN)) {
      Token open = advance();
      enter(open);
      Condition inner = conditionExpression(clause);
      expect(Type.RPAREN, "expected ')' to close the parenthesised condition");
      depth--;
      return inner;
    }
    return predicate();
  }

  /** predicate := expr (comparison literal | LIKE string | [NOT] IN (...) | INCLUDES/EXCLUDES (...)). */
  private Condition predicate() {
    Expr left = fieldOrCall("a field name in the condition", false);
    Token op = peek();
    Condition.Operator comparison = comparisonOperator(op);
    if (comparison != null) {
      advance();
      return new Condition.Comparison(left, comparison, literal(false));
    }
    if (op.isKeyword("LIKE")) {
      advance();
      return new Condition.Comparison(left, Condition.Operator.LIKE, literal(true));
    }
    if (op.isKeyword("IN")) {
      advance();
      return inList(left, false);
    }
    if (op.isKeyword("NOT") && peekAt(1).isKeyword("IN")) {
      advance();
      advance();
      return inList(left, true);
    }
    if (op.isKeyword("INCLUDES") || op.isKeyword("EXCLUDES")) {
      advance();
      Condition.SetOperator setOp = Condition.SetOperator.valueOf(op.text().toUpperCase(Locale.ROOT));
      expect(Type.LPAREN, "expected '(' after " + setOp);
      return new Condition.InList(left, setOp, literalList());
    }
    throw reject("expected a comparison operator (=, !=, <, <=, >, >=, LIKE, IN, NOT IN, INCLUDES, EXCLUDES)"
        + " after the field, found " + op.describe(), op);
  }

  private static Condition.Operator comparisonOperator(Token t) {
    return switch (t.type()) {
      case EQ -> Condition.Operator.EQ;
      case NE -> Condition.Operator.NE;
      case LT -> Condition.Operator.LT;
      case LE -> Condition.Operator.LE;
      case GT -> Condition.Operator.GT;
      case GE -> Condition.Operator.GE;
      default -> null;
    };
  }

  /** inList := '(' (query | literal (',' literal)*) ')'. */
  private Condition inList(Expr left, boolean negated) {
    expect(Type.LPAREN, "expected '(' after " + (negated ? "NOT IN" : "IN"));
    if (peek().isKeyword("SELECT")) {
      return new Condition.SemiJoin(left, negated, nestedQuery(Kind.SEMI_JOIN, "a semi-join subquery"));
    }
    return new Condition.InList(left, negated ? Condition.SetOperator.NOT_IN : Condition.SetOperator.IN, literalList());
  }

  private List<Literal> literalList() {
    List<Literal> values = new ArrayList<>();
    do {
      values.add(literal(false));
    } while (match(Type.COMMA));
    expect(Type.RPAREN, "expected ',' or ')' in the value list");
    return values;
  }

  /** A subquery after its '(' up to and including its ')'. */
  private SelectQuery nestedQuery(Kind kind, String what) {
    if (!peek().isKeyword("SELECT")) {
      throw reject("expected SELECT to start " + what + ", found " + peek().describe(), peek());
    }
    enter(peek());
    SelectQuery sub = query(kind);
    expect(Type.RPAREN, "expected ')' to close " + what);
    depth--;
    return sub;
  }

  // ---- expressions and literals ----

  /** semiJoinSelectItem := one field or function call, without alias. */
  private SelectItem semiJoinSelectItem() {
    Token start = peek();
    if (start.is(Type.LPAREN) || start.isKeyword("TYPEOF")) {
      throw reject("a semi-join subquery selects exactly one field, as in Id IN (SELECT AccountId FROM Contact)", start);
    }
    SelectItem item = new SelectItem.Field(fieldOrCall("a field name", false), Optional.empty());
    Token after = peek();
    if (after.is(Type.COMMA) || (after.is(Type.IDENT) && !after.isKeyword("FROM"))) {
      throw reject("a semi-join subquery selects exactly one field, without an alias", after);
    }
    return item;
  }

  private void rejectSemiJoinClause() {
    Token t = peek();
    for (String clause : List.of("GROUP", "ORDER", "LIMIT", "OFFSET")) {
      if (t.isKeyword(clause)) {
        throw reject("a semi-join subquery takes only SELECT, FROM, WHERE and WITH DATA CATEGORY: remove "
            + t.text().toUpperCase(Locale.ROOT), t);
      }
    }
  }

  /**
   * fieldOrCall := DISTANCE(...) | IDENT '(' [fieldOrCall] ')' | fieldPath. Functions take exactly one
   * field or nested call; only {@code COUNT()} takes none, and only in a SELECT list.
   */
  private Expr fieldOrCall(String expected, boolean inSelectList) {
    if (!peek().is(Type.IDENT) || !peekAt(1).is(Type.LPAREN)) {
      return fieldPath(expected);
    }
    Token nameToken = name("a function name");
    String name = nameToken.text().toUpperCase(Locale.ROOT);
    enter(advance());
    List<Expr> args;
    if (name.equals("DISTANCE")) {
      args = distanceArguments();
    } else if (name.equals("GEOLOCATION")) {
      throw reject("GEOLOCATION(latitude, longitude) is only valid as the second argument of DISTANCE", nameToken);
    } else if (peek().is(Type.RPAREN)) {
      if (!name.equals("COUNT") || !inSelectList) {
        throw reject(nameToken.text() + "() needs a field, as in " + nameToken.text() + "(Id)", nameToken);
      }
      args = List.of();
    } else {
      args = List.of(fieldOrCall("a field name inside " + nameToken.text() + "(", false));
      if (peek().is(Type.COMMA)) {
        throw reject(nameToken.text() + " takes a single field", peek());
      }
    }
    expect(Type.RPAREN, "expected ')' to close " + nameToken.text() + "(");
    depth--;
    return new Expr.FunctionCall(name, args);
  }

  /** distanceArguments := fieldPath ',' GEOLOCATION '(' number ',' number ')' ',' ('mi' | 'km'). */
  private List<Expr> distanceArguments() {
    if (peek().isKeyword("GEOLOCATION")) {
      throw reject("DISTANCE takes the location field first, as in"
          + " DISTANCE(Location__c, GEOLOCATION(37.7, -122.4), 'mi')", peek());
    }
    Expr.FieldPath location = fieldPath("a location field as the first argument of DISTANCE");
    expect(Type.COMMA, "expected ',' after the location field in DISTANCE");
    Token geo = expectKeyword("GEOLOCATION", "expected GEOLOCATION(latitude, longitude) as the second argument of DISTANCE");
    enter(expect(Type.LPAREN, "expected '(' after GEOLOCATION"));
    Literal latitude = signedNumber("a latitude");
    expect(Type.COMMA, "expected ',' between latitude and longitude");
    Literal longitude = signedNumber("a longitude");
    expect(Type.RPAREN, "expected ')' to close GEOLOCATION(");
    depth--;
    expect(Type.COMMA, "expected ',' and the unit 'mi' or 'km' after GEOLOCATION(...)");
    Token unit = peek();
    if (!unit.is(Type.STRING)
        || !List.of("mi", "km").contains(((Token.StringToken) unit.value()).text())) {
      throw reject("DISTANCE needs the unit 'mi' or 'km' as its third argument, found " + unit.describe(), unit);
    }
    advance();
    Expr.FunctionCall point = new Expr.FunctionCall(geo.text().toUpperCase(Locale.ROOT), List.of(latitude, longitude));
    return List.of(location, point, new Literal.StringValue(((Token.StringToken) unit.value()).text()));
  }

  private Literal signedNumber(String what) {
    Token t = peek();
    if (!(t.is(Type.INTEGER) || t.is(Type.DECIMAL) || t.is(Type.MINUS) || t.is(Type.PLUS))) {
      throw reject("expected " + what + " (a number), found " + t.describe(), t);
    }
    return literal(false);
  }

  /** fieldPath := IDENT ('.' IDENT)*. */
  private Expr.FieldPath fieldPath(String expected) {
    List<String> segments = new ArrayList<>();
    segments.add(name(expected).text());
    while (peek().is(Type.DOT)) {
      Token segment = previous;
      Token dot = advance();
      if (dot.start() != segment.end() || peek().start() != dot.end()) {
        throw reject("write field paths without spaces around '.', as in Account.Name", dot);
      }
      segments.add(name("a field name after '.'").text());
    }
    return new Expr.FieldPath(segments);
  }

  /** literal := string | [sign] number | date | datetime | TRUE | FALSE | NULL | date literal | currency. */
  private Literal literal(boolean like) {
    Token t = peek();
    switch (t.type()) {
      case STRING:
        advance();
        return stringLiteral(t, like);
      case PLUS:
      case MINUS:
        advance();
        Token number = peek();
        if (!number.is(Type.INTEGER) && !number.is(Type.DECIMAL)) {
          throw reject("expected a number after '" + t.text() + "', found " + number.describe(), number);
        }
        advance();
        BigDecimal value = (BigDecimal) number.value();
        return new Literal.NumberValue(t.is(Type.MINUS) ? value.negate() : value);
      case INTEGER:
      case DECIMAL:
        advance();
        return new Literal.NumberValue((BigDecimal) t.value());
      case DATE:
        advance();
        return new Literal.DateValue((LocalDate) t.value());
      case DATETIME:
        advance();
        return new Literal.DateTimeValue((OffsetDateTime) t.value());
      case COLON:
        throw reject("bind variables are not allowed: write the value inline as a literal", t);
      case IDENT:
        if (like) {
          throw reject("LIKE needs a quoted pattern such as 'Acme%', found " + t.describe(), t);
        }
        return wordLiteral(t);
      default:
        throw reject("expected a value, found " + t.describe(), t);
    }
  }

  private Literal stringLiteral(Token t, boolean like) {
    Token.StringToken s = (Token.StringToken) t.value();
    if (like) {
      return new Literal.LikePattern(s.likePattern());
    }
    if (s.likeEscapeAt() >= 0) {
      throw new SoqlRejectedException(
          "escapes \\% and \\_ are only valid in a LIKE pattern: use a plain % or _ here", s.likeEscapeAt());
    }
    return new Literal.StringValue(s.text());
  }

  private Literal wordLiteral(Token t) {
    String word = t.text().toUpperCase(Locale.ROOT);
    advance();
    switch (word) {
      case "TRUE":
        return new Literal.BooleanValue(true);
      case "FALSE":
        return new Literal.BooleanValue(false);
      case "NULL":
        return new Literal.NullValue();
      default:
        break;
    }
    if (DATE_LITERALS.contains(word)) {
      return new Literal.RelativeDate(word, OptionalInt.empty());
    }
    if (DATE_LITERALS_WITH_N.contains(word)) {
      if (!match(Type.COLON)) {
        throw reject(word + " needs a number: write " + word + ":n, as in " + word + ":30", t);
      }
      Token n = peek();
      if (!n.is(Type.INTEGER) || n.text().length() > 9) {
        throw reject(word + " needs a non-negative whole number after ':', found " + n.describe(), n);
      }
      advance();
      return new Literal.RelativeDate(word, OptionalInt.of(Integer.parseInt(n.text())));
    }
    Literal currency = currency(t);
    if (currency != null) {
      return currency;
    }
    throw reject(t.describe() + " is not a value: compare with a quoted string, a number, a date,"
        + " TRUE/FALSE/NULL or a date literal such as LAST_N_DAYS:30 (SOQL cannot compare two fields)", t);
  }

  /** currency := ISO code glued to an amount, one token: USD5000 or EUR100.50. */
  private static Literal currency(Token t) {
    String text = t.text();
    if (text.length() < 4 || !isLetters(text.substring(0, 3)) || !isAmount(text.substring(3))) {
      return null;
    }
    return new Literal.CurrencyValue(text.substring(0, 3).toUpperCase(Locale.ROOT), new BigDecimal(text.substring(3)));
  }

  private static boolean isLetters(String s) {
    return s.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  }

  private static boolean isAmount(String s) {
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s : s.substring(0, dot);
    String fraction = dot < 0 ? "0" : s.substring(dot + 1);
    return !whole.isEmpty() && !fraction.isEmpty()
        && (whole + fraction).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  // ---- token plumbing ----

  private void enter(Token open) {
    if (++depth > MAX_NESTING) {
      throw reject("parentheses and subqueries nest deeper than " + MAX_NESTING + " levels", open);
    }
  }

  /** A field, object, alias, scope or category name: an identifier that is not a reserved word. */
  private Token name(String expected) {
    Token t = peek();
    if (t.is(Type.IDENT) && RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
      throw reject("expected " + expected + ", found the reserved word " + t.text().toUpperCase(Locale.ROOT), t);
    }
    return identifier(expected);
  }

  private Token identifier(String expected) {
    Token t = peek();
    if (!t.is(Type.IDENT)) {
      throw reject("expected " + expected + ", found " + t.describe(), t);
    }
    return advance();
  }

  private Token expectKeyword(String keyword, String message) {
    Token t = peek();
    if (!t.isKeyword(keyword)) {
      throw reject(message + ", found " + t.describe(), t);
    }
    return advance();
  }

  private Token expect(Type type, String message) {
    Token t = peek();
    if (!t.is(type)) {
      throw reject(message + ", found " + t.describe(), t);
    }
    return advance();
  }

  private boolean match(Type type) {
    if (peek().is(type)) {
      advance();
      return true;
    }
    return false;
  }

  private boolean matchKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      advance();
      return true;
    }
    return false;
  }

  private Token peek() {
    return peekAt(0);
  }

  private Token peekAt(int ahead) {
    while (tokens.size() <= position + ahead) {
      if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).is(Type.EOF)) {
        return tokens.get(tokens.size() - 1);
      }
      tokens.add(scanner.next());
    }
    return tokens.get(position + ahead);
  }

  private Token advance() {
    Token t = peek();
    if (!t.is(Type.EOF)) {
      position++;
    }
    previous = t;
    return t;
  }

  /** The span from {@code start} to the end of the last consumed token. */
  private Span spanFrom(Token start) {
    return new Span(start.start(), previous.end());
  }

  private static SoqlRejectedException reject(String message, Token at) {
    return new SoqlRejectedException(message, at.start());
  }
}
