package io.revops.sandbox.internal.soql;

import io.revops.salesforce.soql.SoqlParser;
import io.revops.salesforce.soql.SoqlRejectedException;
import io.revops.salesforce.soql.ast.Condition;
import io.revops.salesforce.soql.ast.Expr;
import io.revops.salesforce.soql.ast.GroupBy;
import io.revops.salesforce.soql.ast.OrderItem;
import io.revops.salesforce.soql.ast.SelectItem;
import io.revops.salesforce.soql.ast.SelectQuery;
import io.revops.sandbox.internal.salesforce.FieldSchema;
import io.revops.sandbox.internal.salesforce.FieldType;
import io.revops.sandbox.internal.salesforce.ObjectSchema;
import io.revops.sandbox.internal.salesforce.SalesforceError;
import io.revops.sandbox.internal.salesforce.Schema;
import io.revops.sandbox.internal.salesforce.Store;
import io.revops.sandbox.internal.salesforce.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Answers SOQL by evaluating it over the {@link Store}: the query is parsed by the SOQL guard's parser
 * ({@link SoqlParser}) and its tree is checked against the schema and walked, never matched as text.
 *
 * <p>Evaluated: field lists with parent relationships (and the {@code Name} pseudo-object of
 * polymorphic ones), {@code FIELDS(ALL|STANDARD|CUSTOM)}, {@code toLabel}/{@code FORMAT}/
 * {@code convertCurrency} (identity in this single-currency, English org); WHERE with comparisons,
 * LIKE, IN, NOT IN, AND/OR/NOT, NULL, date and datetime literals, relative date literals, date
 * functions and semi-/anti-joins; {@code USING SCOPE mine|everything}; aggregates COUNT(),
 * COUNT/COUNT_DISTINCT/SUM/AVG/MIN/MAX with GROUP BY, aliases and HAVING; ORDER BY with ASC/DESC and
 * NULLS FIRST/LAST (picklists in picklist order); LIMIT and OFFSET; child subqueries. Setup metadata
 * objects ({@code EntityDefinition}, {@code FieldDefinition}) get Salesforce's restrictions: no
 * aggregates, GROUP BY, OR, NOT, {@code !=} or INCLUDES, and LIMIT/OFFSET ignored. Anything else
 * is answered with Salesforce's error shape ({@code MALFORMED_QUERY}, {@code INVALID_FIELD},
 * {@code INVALID_TYPE}, ...), never with a guessed result.
 *
 * <p>Callers hold the store's monitor while a query runs.
 */
public final class QueryEngine {
  /** Salesforce's largest OFFSET. */
  static final int MAX_OFFSET = 2000;

  /**
   * A query's answer before paging.
   *
   * @param totalSize the row count, or for {@code SELECT COUNT()} the count itself
   * @param records rendered JSON records ({@code attributes} first)
   */
  public record Result(long totalSize, List<Map<String, Object>> records, boolean aggregate) {
    public Result {
      records = List.copyOf(records);
    }
  }

  private final Store store;
  private final Schema schema;
  private final LocalDate today;
  private final String runningUserId;

  /**
   * @param today the org's current day, for relative date literals
   * @param runningUserId the user the session belongs to, for {@code USING SCOPE mine}
   */
  public QueryEngine(Store store, LocalDate today, String runningUserId) {
    this.store = store;
    this.schema = store.schema();
    this.today = today;
    this.runningUserId = runningUserId;
  }

  /** Runs {@code soql}; record URLs name {@code apiVersion} (e.g. {@code v60.0}). */
  public Result run(String soql, String apiVersion) {
    SelectQuery query;
    try {
      query = SoqlParser.parse(soql);
    } catch (SoqlRejectedException e) {
      throw SalesforceError.malformedQuery(pointAt(soql, e.position()) + e.reason());
    }
    return new Run(apiVersion).top(query);
  }

  /** Salesforce's way of showing where a query went wrong: the line, a caret, and Row/Column. */
  private static String pointAt(String soql, int position) {
    int at = Math.max(0, Math.min(position, soql.length()));
    int lineStart = soql.lastIndexOf('\n', at - 1) + 1;
    int lineEnd = soql.indexOf('\n', at);
    String line = soql.substring(lineStart, lineEnd < 0 ? soql.length() : lineEnd);
    int row = (int) soql.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
    int column = at - lineStart + 1;
    return line + "\n" + " ".repeat(column - 1) + "^\nERROR at Row:" + row + ":Column:" + column + "\n";
  }

  private static SalesforceError unsupported(String what) {
    return SalesforceError.malformedQuery("The revops-mcp sandbox does not emulate " + what
        + "; it answers the SOQL subset the project uses (see the sandbox's QueryEngine).");
  }

  private record Scope(ObjectSchema object, Optional<String> alias) {}

  private record Group(List<Object> key, List<Map<String, Object>> rows) {}

  /** Renders one part of a result record. */
  private interface Column {
    void render(Map<String, Object> out, Map<String, Object> row);
  }

  /** One query evaluation; knows the API version its record URLs carry. */
  private final class Run {
    private final String apiVersion;

    Run(String apiVersion) {
      this.apiVersion = apiVersion;
    }

    Result top(SelectQuery q) {
      Scope scope = scope(q);
      rejectUnsupported(q);
      boolean setupMetadata = Schema.SETUP_METADATA.contains(scope.object().name());
      if (setupMetadata) {
        rejectOnSetupMetadata(q);
      }
      q.offset().ifPresent(offset -> {
        if (offset.compareTo(BigInteger.valueOf(MAX_OFFSET)) > 0) {
          throw SalesforceError.of(400, "NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is " + MAX_OFFSET);
        }
      });
      if (scope.object().name().equals("ContentDocumentLink") && !filtersContentDocumentLink(q.where())) {
        throw SalesforceError.malformedQuery("Implementation restriction: ContentDocumentLink requires a filter by a"
            + " single Id on ContentDocumentId or LinkedEntityId using the equals operator or multiple Id's using the"
            + " IN operator.");
      }
      Predicate<Map<String, Object>> where = where(scope, q);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> row : store.all(scope.object().name())) {
        if (where.test(row)) {
          rows.add(row);
        }
      }
      if (q.isCountQuery()) {
        return count(scope, q, rows);
      }
      if (q.isAggregate() || q.groupBy().isPresent()) {
        return aggregate(scope, q, rows);
      }
      List<Column> columns = columns(scope, q.select(), true);
      rows.sort(order(scope, q.orderBy()));
      List<Map<String, Object>> page = setupMetadata ? rows : slice(rows, q); // Salesforce ignores LIMIT there
      List<Map<String, Object>> records = new ArrayList<>();
      page.forEach(row -> records.add(render(scope.object(), row, columns)));
      return new Result(records.size(), records, false);
    }

    // ---------------------------------------------------------------- FROM and WHERE

    private Scope scope(SelectQuery q) {
      if (q.from().size() != 1 || q.object().segments().size() != 1) {
        throw unsupported("several FROM entries or relationship paths in FROM");
      }
      String name = q.object().dotted();
      ObjectSchema object = schema.object(name).orElseThrow(() -> SalesforceError.invalidType(name));
      return new Scope(object, q.from().get(0).alias());
    }

    private void rejectUnsupported(SelectQuery q) {
      if (q.select().stream().anyMatch(i -> i instanceof SelectItem.TypeOf)) {
        throw unsupported("TYPEOF");
      }
      if (!q.dataCategories().isEmpty()) {
        throw unsupported("WITH DATA CATEGORY (the sample org has no knowledge articles)");
      }
      if (q.groupBy().isPresent() && q.groupBy().get().kind() != GroupBy.Kind.PLAIN) {
        throw unsupported("GROUP BY " + q.groupBy().get().kind());
      }
    }

    /** What Salesforce refuses on setup metadata objects such as FieldDefinition, with its messages. */
    private void rejectOnSetupMetadata(SelectQuery q) {
      if (q.isCountQuery() || q.isAggregate() || q.groupBy().isPresent()) {
        throw SalesforceError.malformedQuery("The requested operation is not yet supported by this SObject storage"
            + " type, contact salesforce.com support for more information.");
      }
      q.where().ifPresent(this::rejectOnSetupMetadata);
    }

    private void rejectOnSetupMetadata(Condition condition) {
      if (condition instanceof Condition.And and) {
        and.operands().forEach(this::rejectOnSetupMetadata);
      } else if (condition instanceof Condition.Or) {
        throw SalesforceError.malformedQuery("Disjunctions not supported");
      } else if (condition instanceof Condition.Not
          || condition instanceof Condition.Comparison cmp && cmp.operator() == Condition.Operator.NE
          || condition instanceof Condition.InList in && in.operator() == Condition.SetOperator.NOT_IN
          || condition instanceof Condition.SemiJoin join && join.negated()) {
        throw SalesforceError.malformedQuery("Only equals comparisons permitted");
      } else if (condition instanceof Condition.InList in && in.operator() != Condition.SetOperator.IN) {
        throw SalesforceError.malformedQuery("Unsupported filter type");
      }
    }

    private boolean filtersContentDocumentLink(Optional<Condition> where) {
      if (where.isEmpty()) {
        return false;
      }
      List<Condition> parts = where.get() instanceof Condition.And and ? and.operands() : List.of(where.get());
      return parts.stream().anyMatch(c -> {
        Expr left = c instanceof Condition.Comparison cmp && cmp.operator() == Condition.Operator.EQ ? cmp.left()
            : c instanceof Condition.InList in && in.operator() == Condition.SetOperator.IN ? in.left()
            : c instanceof Condition.SemiJoin join && !join.negated() ? join.left() : null;
        return left instanceof Expr.FieldPath path
            && Set.of("contentdocumentid", "linkedentityid").contains(path.field().toLowerCase(Locale.ROOT));
      });
    }

    private Predicate<Map<String, Object>> where(Scope scope, SelectQuery q) {
      Predicate<Map<String, Object>> predicate = row -> true;
      if (q.where().isPresent()) {
        predicate = rowConditions(scope).compile(q.where().get());
      }
      if (q.usingScope().isPresent()) {
        predicate = predicate.and(usingScope(scope, q.usingScope().get()));
      }
      return predicate;
    }

    private Predicate<Map<String, Object>> usingScope(Scope scope, String filterScope) {
      switch (filterScope.toLowerCase(Locale.ROOT)) {
        case "everything":
          return row -> true;
        case "mine":
          if (scope.object().field("OwnerId").isEmpty()) {
            throw SalesforceError.malformedQuery("USING SCOPE mine is not valid for " + scope.object().name()
                + ": it has no owner");
          }
          return row -> runningUserId.equals(row.get("OwnerId"));
        default:
          throw unsupported("USING SCOPE " + filterScope + " (only mine and everything)");
      }
    }

    private Conditions<Map<String, Object>> rowConditions(Scope scope) {
      return new Conditions<>(new Conditions.Terms<>() {
        @Override
        public Term<Map<String, Object>> term(Expr expr) {
          return rowTerm(scope, expr, true);
        }

        @Override
        public Predicate<Map<String, Object>> semiJoin(Condition.SemiJoin join) {
          return QueryEngine.Run.this.semiJoin(scope, join);
        }
      }, today);
    }

    /** A field path or date function evaluated per record; {@code filter} checks the field is filterable. */
    private Term<Map<String, Object>> rowTerm(Scope scope, Expr expr, boolean filter) {
      if (expr instanceof Expr.FieldPath fieldPath) {
        Path path = Path.resolve(schema, scope.object(), scope.alias(), fieldPath.segments());
        FieldSchema field = path.field();
        if (filter && !field.filterable()) {
          throw SalesforceError.invalidField("field '" + field.name() + "' can not be filtered in a query call");
        }
        return new Term<>(field.name(), field.type(), field, row -> path.value(row, store));
      }
      Expr.FunctionCall call = (Expr.FunctionCall) expr;
      if (call.isAggregate()) {
        throw SalesforceError.malformedQuery("Aggregate functions such as " + call.name()
            + "() are not allowed here: filter aggregates with HAVING");
      }
      if (DateFunctions.NAMES.contains(call.name())) {
        Path path = singleFieldArgument(scope, call);
        if (!DateFunctions.accepts(call.name(), path.field().type())) {
          throw SalesforceError.invalidField("Invalid field " + path.canonical() + " for function " + call.name());
        }
        String name = call.name();
        return new Term<>(name + "(" + path.canonical() + ")", DateFunctions.resultType(name), null,
            row -> DateFunctions.apply(name, path.value(row, store)));
      }
      if (Set.of("TOLABEL", "FORMAT", "CONVERTCURRENCY").contains(call.name())) {
        return rowTerm(scope, call.args().get(0), filter);
      }
      throw unsupported("the function " + call.name() + "()");
    }

    private Path singleFieldArgument(Scope scope, Expr.FunctionCall call) {
      if (call.args().size() != 1 || !(call.args().get(0) instanceof Expr.FieldPath arg)) {
        throw SalesforceError.malformedQuery(call.name() + "() takes exactly one field");
      }
      return Path.resolve(schema, scope.object(), scope.alias(), arg.segments());
    }

    private Predicate<Map<String, Object>> semiJoin(Scope scope, Condition.SemiJoin join) {
      Term<Map<String, Object>> left = rowTerm(scope, join.left(), true);
      if (!left.type().isId()) {
        throw SalesforceError.malformedQuery("The left operand of a semi join must be an Id or reference field, not "
            + left.label());
      }
      SelectQuery sub = join.query();
      Scope inner = scope(sub);
      rejectUnsupported(sub);
      if (sub.select().size() != 1 || !(sub.select().get(0) instanceof SelectItem.Field item)
          || !(item.expr() instanceof Expr.FieldPath selected)) {
        throw SalesforceError.malformedQuery("A semi join subquery must select exactly one Id or reference field");
      }
      Path path = Path.resolve(schema, inner.object(), inner.alias(), selected.segments());
      if (!path.field().type().isId()) {
        throw SalesforceError.malformedQuery("A semi join subquery must select an Id or reference field, not "
            + path.canonical());
      }
      Predicate<Map<String, Object>> innerWhere = where(inner, sub);
      Set<Object> ids = new HashSet<>();
      for (Map<String, Object> row : store.all(inner.object().name())) {
        if (innerWhere.test(row)) {
          Object id = path.value(row, store);
          if (id != null) {
            ids.add(id);
          }
        }
      }
      return row -> {
        Object value = left.value().apply(row);
        return value != null && join.negated() != ids.contains(value); // like NOT IN, an anti-join skips empty fields
      };
    }

    // ---------------------------------------------------------------- SELECT list

    private List<Column> columns(Scope scope, List<SelectItem> items, boolean topLevel) {
      List<Column> columns = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (SelectItem item : items) {
        if (item instanceof SelectItem.Subquery sub) {
          if (!topLevel) {
            throw unsupported("child subqueries inside child subqueries");
          }
          ChildColumn child = child(scope, sub.query());
          requireUnique(seen, child.relationshipName.toLowerCase(Locale.ROOT), child.relationshipName);
          columns.add(child);
          continue;
        }
        if (item instanceof SelectItem.TypeOf) {
          throw unsupported("TYPEOF");
        }
        SelectItem.Field field = (SelectItem.Field) item;
        if (field.alias().isPresent()) {
          throw SalesforceError.malformedQuery("Only aggregate expressions use field aliasing");
        }
        for (Path path : selectedPaths(scope, field.expr())) {
          requireUnique(seen, path.key(), path.canonical());
          columns.add((out, row) -> path.renderInto(out, row, scope.object().name(), store, apiVersion));
        }
      }
      return columns;
    }

    private void requireUnique(Set<String> seen, String key, String name) {
      if (!seen.add(key)) {
        throw SalesforceError.malformedQuery("duplicate field selected: " + name);
      }
    }

    private List<Path> selectedPaths(Scope scope, Expr expr) {
      if (expr instanceof Expr.FieldPath path) {
        return List.of(Path.resolve(schema, scope.object(), scope.alias(), path.segments()));
      }
      if (expr instanceof Expr.FunctionCall call) {
        switch (call.name()) {
          case "FIELDS":
            return fields(scope, call);
          case "TOLABEL", "FORMAT", "CONVERTCURRENCY":
            return List.of(singleFieldArgument(scope, call));
          default:
            if (DateFunctions.NAMES.contains(call.name())) {
              throw SalesforceError.malformedQuery("Date functions such as " + call.name()
                  + "() are only allowed in the SELECT list of a GROUP BY query");
            }
            throw unsupported("the function " + call.name() + "() in a SELECT list");
        }
      }
      throw SalesforceError.malformedQuery("A literal cannot be selected");
    }

    private List<Path> fields(Scope scope, Expr.FunctionCall call) {
      String which = call.args().size() == 1 && call.args().get(0) instanceof Expr.FieldPath p
          ? p.dotted().toUpperCase(Locale.ROOT) : "";
      Predicate<FieldSchema> wanted = switch (which) {
        case "ALL" -> f -> true;
        case "STANDARD" -> f -> !f.custom();
        case "CUSTOM" -> FieldSchema::custom;
        default -> throw SalesforceError.malformedQuery("FIELDS() takes ALL, STANDARD or CUSTOM");
      };
      List<Path> paths = new ArrayList<>();
      scope.object().fields().stream().filter(wanted).forEach(f ->
          paths.add(Path.resolve(schema, scope.object(), Optional.empty(), List.of(f.name()))));
      return paths;
    }

    private Map<String, Object> render(ObjectSchema object, Map<String, Object> row, List<Column> columns) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("attributes", Path.attributes(object.name(), (String) row.get("Id"), apiVersion));
      columns.forEach(c -> c.render(out, row));
      return out;
    }

    // ---------------------------------------------------------------- child subqueries

    private final class ChildColumn implements Column {
      final String relationshipName;
      final ObjectSchema child;
      final String linkField;
      final Predicate<Map<String, Object>> where;
      final Comparator<Map<String, Object>> order;
      final SelectQuery query;
      final List<Column> columns;

      ChildColumn(String relationshipName, ObjectSchema child, String linkField, Predicate<Map<String, Object>> where,
          Comparator<Map<String, Object>> order, SelectQuery query, List<Column> columns) {
        this.relationshipName = relationshipName;
        this.child = child;
        this.linkField = linkField;
        this.where = where;
        this.order = order;
        this.query = query;
        this.columns = columns;
      }

      @Override
      public void render(Map<String, Object> out, Map<String, Object> parent) {
        Object parentId = parent.get("Id");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : store.all(child.name())) {
          if (Objects.equals(parentId, row.get(linkField)) && where.test(row)) {
            rows.add(row);
          }
        }
        rows.sort(order);
        List<Map<String, Object>> page = slice(rows, query);
        if (page.isEmpty()) {
          out.put(relationshipName, null);
          return;
        }
        List<Map<String, Object>> records = new ArrayList<>();
        page.forEach(row -> records.add(QueryEngine.Run.this.render(child, row, columns)));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("totalSize", records.size());
        nested.put("done", true);
        nested.put("records", records);
        out.put(relationshipName, nested);
      }
    }

    private ChildColumn child(Scope parent, SelectQuery q) {
      if (q.from().size() != 1 || q.object().segments().size() != 1) {
        throw unsupported("relationship paths in a child subquery's FROM");
      }
      String name = q.object().dotted();
      ObjectSchema.ChildRelationship relationship = parent.object().childRelationship(name).orElseThrow(() ->
          SalesforceError.of(400, "INVALID_TYPE", "Didn't understand relationship '" + name + "' in FROM part of query"
              + " call. If you are attempting to use a custom relationship, be sure to append the '__r' after the"
              + " custom relationship name. Please reference your WSDL or the describe call for the appropriate names."));
      rejectUnsupported(q);
      if (q.isAggregate() || q.groupBy().isPresent()) {
        throw SalesforceError.malformedQuery("Aggregate functions and GROUP BY are not allowed in a child subquery");
      }
      if (q.usingScope().isPresent()) {
        throw SalesforceError.malformedQuery("USING SCOPE is not allowed in a child subquery");
      }
      ObjectSchema child = schema.object(relationship.childSObject()).orElseThrow();
      Scope scope = new Scope(child, q.from().get(0).alias());
      return new ChildColumn(relationship.relationshipName(), child, relationship.field(), where(scope, q),
          order(scope, q.orderBy()), q, columns(scope, q.select(), false));
    }

    // ---------------------------------------------------------------- ORDER BY, LIMIT, OFFSET

    private Comparator<Map<String, Object>> order(Scope scope, List<OrderItem> items) {
      List<Term<Map<String, Object>>> terms = new ArrayList<>();
      for (OrderItem item : items) {
        Term<Map<String, Object>> term = rowTerm(scope, item.expr(), false);
        if (term.field() != null && !term.field().sortable()) {
          throw SalesforceError.invalidField("field '" + term.label() + "' can not be sorted in a query call");
        }
        terms.add(term);
      }
      return ordering(terms, items);
    }

    // ---------------------------------------------------------------- COUNT() and aggregates

    private Result count(Scope scope, SelectQuery q, List<Map<String, Object>> rows) {
      if (q.select().size() != 1) {
        throw SalesforceError.malformedQuery("COUNT() must be the only element in the SELECT list");
      }
      long count = rows.size();
      if (q.groupBy().isPresent()) {
        count = groups(scope, q, rows).size();
      }
      if (q.limit().isPresent()) {
        count = Math.min(count, clamp(q.limit().get()));
      }
      return new Result(count, List.of(), false);
    }

    private Result aggregate(Scope scope, SelectQuery q, List<Map<String, Object>> rows) {
      if (q.groupBy().isEmpty() && q.limit().isPresent()) {
        throw SalesforceError.malformedQuery("You can't use a LIMIT clause in a query that uses an aggregate"
            + " function, but does not use a GROUP BY clause");
      }
      List<String> groupKeys = groupKeys(scope, q);
      List<Group> groups = groups(scope, q, rows);
      List<String> names = new ArrayList<>();
      List<Term<Group>> columns = new ArrayList<>();
      int unnamed = 0;
      for (SelectItem item : q.select()) {
        if (!(item instanceof SelectItem.Field field)) {
          throw SalesforceError.malformedQuery("Child subqueries are not allowed in an aggregate query");
        }
        Term<Group> term = groupTerm(scope, field.expr(), groupKeys);
        String name;
        if (field.alias().isPresent()) {
          name = field.alias().get();
        } else if (field.expr() instanceof Expr.FieldPath) {
          name = term.field().name();
        } else {
          name = "expr" + unnamed++; // Salesforce numbers only the unaliased computed columns
        }
        names.add(name);
        columns.add(term);
      }
      if (q.having().isPresent()) {
        Predicate<Group> having = new Conditions<>(new Conditions.Terms<Group>() {
          @Override
          public Term<Group> term(Expr expr) {
            return groupTerm(scope, expr, groupKeys);
          }

          @Override
          public Predicate<Group> semiJoin(Condition.SemiJoin join) {
            throw SalesforceError.malformedQuery("Semi joins are not allowed in HAVING");
          }
        }, today).compile(q.having().get());
        groups.removeIf(having.negate());
      }
      List<Term<Group>> orderTerms = new ArrayList<>();
      q.orderBy().forEach(item -> orderTerms.add(groupTerm(scope, item.expr(), groupKeys)));
      groups.sort(ordering(orderTerms, q.orderBy()));
      List<Map<String, Object>> records = new ArrayList<>();
      for (Group group : slice(groups, q)) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", new LinkedHashMap<>(Map.of("type", "AggregateResult")));
        for (int i = 0; i < columns.size(); i++) {
          Term<Group> column = columns.get(i);
          out.put(names.get(i), Values.toJson(column.type(), column.value().apply(group)));
        }
        records.add(out);
      }
      return new Result(records.size(), records, true);
    }

    private List<String> groupKeys(Scope scope, SelectQuery q) {
      List<String> keys = new ArrayList<>();
      for (Expr expr : q.groupBy().map(GroupBy::exprs).orElse(List.of())) {
        Term<Map<String, Object>> term = rowTerm(scope, expr, false);
        if (term.field() != null && !term.field().groupable()) {
          throw SalesforceError.invalidField("field '" + term.label() + "' can not be grouped in a query call");
        }
        keys.add(exprKey(scope, expr));
      }
      return keys;
    }

    private List<Group> groups(Scope scope, SelectQuery q, List<Map<String, Object>> rows) {
      List<Term<Map<String, Object>>> terms = new ArrayList<>();
      q.groupBy().map(GroupBy::exprs).orElse(List.of()).forEach(e -> terms.add(rowTerm(scope, e, false)));
      Map<List<Object>, Group> groups = new LinkedHashMap<>();
      if (terms.isEmpty()) {
        groups.put(List.of(), new Group(List.of(), new ArrayList<>(rows)));
      }
      for (Map<String, Object> row : terms.isEmpty() ? List.<Map<String, Object>>of() : rows) {
        List<Object> key = new ArrayList<>();
        List<Object> normalized = new ArrayList<>();
        for (Term<Map<String, Object>> term : terms) {
          Object value = term.value().apply(row);
          key.add(value);
          normalized.add(value instanceof String s ? s.toLowerCase(Locale.ROOT) : value);
        }
        groups.computeIfAbsent(normalized, k -> new Group(key, new ArrayList<>())).rows().add(row);
      }
      return new ArrayList<>(groups.values());
    }

    /** A grouped expression or an aggregate, evaluated per group; anything else is not allowed. */
    private Term<Group> groupTerm(Scope scope, Expr expr, List<String> groupKeys) {
      if (expr instanceof Expr.FunctionCall call && call.isAggregate()) {
        return aggregateTerm(scope, call);
      }
      String key = exprKey(scope, expr);
      int index = key == null ? -1 : groupKeys.indexOf(key);
      if (index < 0) {
        throw SalesforceError.malformedQuery("Field must be grouped or aggregated: " + describe(expr));
      }
      Term<Map<String, Object>> rowTerm = rowTerm(scope, expr, false);
      return new Term<>(rowTerm.label(), rowTerm.type(), rowTerm.field(), g -> g.key().get(index));
    }

    private String exprKey(Scope scope, Expr expr) {
      if (expr instanceof Expr.FieldPath path) {
        return Path.resolve(schema, scope.object(), scope.alias(), path.segments()).key();
      }
      if (expr instanceof Expr.FunctionCall call && DateFunctions.NAMES.contains(call.name())) {
        return call.name() + "(" + singleFieldArgument(scope, call).key() + ")";
      }
      if (expr instanceof Expr.FunctionCall call && Set.of("TOLABEL", "FORMAT", "CONVERTCURRENCY").contains(call.name())
          && call.args().size() == 1) {
        return exprKey(scope, call.args().get(0));
      }
      return null;
    }

    private String describe(Expr expr) {
      if (expr instanceof Expr.FieldPath path) {
        return path.dotted();
      }
      Expr.FunctionCall call = (Expr.FunctionCall) expr;
      return call.name() + "(" + call.args().stream().map(this::describeArg).collect(Collectors.joining(", ")) + ")";
    }

    private String describeArg(Expr arg) {
      return arg instanceof Expr.FieldPath || arg instanceof Expr.FunctionCall ? describe(arg) : String.valueOf(arg);
    }

    private Term<Group> aggregateTerm(Scope scope, Expr.FunctionCall call) {
      String name = call.name();
      if (name.equals("COUNT") && call.args().isEmpty()) {
        return new Term<>("COUNT()", FieldType.INT, null, g -> g.rows().size());
      }
      Path path = singleFieldArgument(scope, call);
      FieldSchema field = path.field();
      FieldType type = field.type();
      boolean allowed = switch (name) {
        case "COUNT", "COUNT_DISTINCT" -> field.filterable();
        case "SUM", "AVG" -> type.isNumber();
        default -> type.isNumber() || type == FieldType.DATE || type == FieldType.DATETIME
            || (type.isText() && type != FieldType.TEXTAREA);
      };
      if (!allowed) {
        throw SalesforceError.invalidField("field " + field.name() + " does not support aggregate operator " + name);
      }
      String label = name + "(" + path.canonical() + ")";
      return switch (name) {
        case "COUNT" -> new Term<>(label, FieldType.INT, null, g -> (int) values(g, path).count());
        case "COUNT_DISTINCT" -> new Term<>(label, FieldType.INT, null, g -> (int) values(g, path)
            .map(v -> v instanceof String s ? s.toLowerCase(Locale.ROOT) : v).distinct().count());
        case "SUM" -> new Term<>(label, type, null, g -> sum(g, path));
        case "AVG" -> new Term<>(label, type == FieldType.INT ? FieldType.DOUBLE : type, null, g -> {
          BigDecimal sum = sum(g, path);
          long n = values(g, path).count();
          return sum == null ? null : sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
        });
        case "MIN" -> new Term<>(label, type, field, g -> values(g, path).min(Values.comparator(field)).orElse(null));
        case "MAX" -> new Term<>(label, type, field, g -> values(g, path).max(Values.comparator(field)).orElse(null));
        default -> throw new IllegalStateException(name);
      };
    }

    private java.util.stream.Stream<Object> values(Group group, Path path) {
      return group.rows().stream().map(row -> path.value(row, store)).filter(Objects::nonNull);
    }

    private BigDecimal sum(Group group, Path path) {
      return values(group, path).map(Values::number).reduce(BigDecimal::add).orElse(null);
    }
  }

  // ---------------------------------------------------------------- shared helpers

  private static <T> Comparator<T> ordering(List<Term<T>> terms, List<OrderItem> items) {
    Comparator<T> comparator = (a, b) -> 0;
    for (int i = 0; i < terms.size(); i++) {
      Term<T> term = terms.get(i);
      OrderItem item = items.get(i);
      boolean descending = item.direction().filter(d -> d == OrderItem.Direction.DESC).isPresent();
      boolean nullsFirst = item.nulls().map(n -> n == OrderItem.Nulls.FIRST).orElse(!descending);
      comparator = comparator.thenComparing((a, b) -> {
        Object x = term.value().apply(a);
        Object y = term.value().apply(b);
        if (x == null || y == null) {
          return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
        }
        int c = Values.compare(term.field(), x, y);
        return descending ? -c : c;
      });
    }
    return comparator;
  }

  private static <T> List<T> slice(List<T> rows, SelectQuery q) {
    long offset = q.offset().map(QueryEngine::clamp).orElse(0L);
    long limit = q.limit().map(QueryEngine::clamp).orElse(Long.MAX_VALUE);
    return rows.stream().skip(offset).limit(limit).collect(Collectors.toList());
  }

  private static long clamp(BigInteger n) {
    return n.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
  }
}
