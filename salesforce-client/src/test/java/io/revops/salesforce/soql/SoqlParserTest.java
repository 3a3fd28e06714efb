package io.revops.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.salesforce.soql.ast.AccessMode;
import io.revops.salesforce.soql.ast.Clause;
import io.revops.salesforce.soql.ast.Condition;
import io.revops.salesforce.soql.ast.Condition.Comparison;
import io.revops.salesforce.soql.ast.Condition.Operator;
import io.revops.salesforce.soql.ast.DataCategoryFilter;
import io.revops.salesforce.soql.ast.Expr;
import io.revops.salesforce.soql.ast.Expr.FieldPath;
import io.revops.salesforce.soql.ast.Expr.FunctionCall;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SoqlParserTest {

  private static Literal whereValue(String condition) {
    SelectQuery q = SoqlParser.parse("SELECT Id FROM Account WHERE " + condition);
    return ((Comparison) q.where().orElseThrow()).right();
  }

  @Test
  void parsesAFullAggregateQueryIntoItsTree() {
    String soql = "SELECT StageName, COUNT(Id) deals, SUM(Amount) FROM Opportunity o USING SCOPE mine "
        + "WHERE IsClosed = false AND CloseDate = THIS_FISCAL_QUARTER WITH USER_MODE "
        + "GROUP BY ROLLUP(StageName) HAVING SUM(Amount) > 1000 "
        + "ORDER BY StageName DESC NULLS LAST, SUM(Amount) LIMIT 50 OFFSET 10";
    SelectQuery q = SoqlParser.parse(soql);

    assertThat(q.select()).containsExactly(
        new SelectItem.Field(FieldPath.of("StageName"), Optional.empty()),
        new SelectItem.Field(new FunctionCall("COUNT", List.of(FieldPath.of("Id"))), Optional.of("deals")),
        new SelectItem.Field(new FunctionCall("SUM", List.of(FieldPath.of("Amount"))), Optional.empty()));
    assertThat(q.from()).containsExactly(new FromItem(FieldPath.of("Opportunity"), Optional.of("o")));
    assertThat(q.usingScope()).hasValue("mine");
    assertThat(q.where()).hasValue(new Condition.And(List.of(
        new Comparison(FieldPath.of("IsClosed"), Operator.EQ, new Literal.BooleanValue(false)),
        new Comparison(FieldPath.of("CloseDate"), Operator.EQ,
            new Literal.RelativeDate("THIS_FISCAL_QUARTER", OptionalInt.empty())))));
    assertThat(q.accessMode()).hasValue(AccessMode.USER_MODE);
    assertThat(q.groupBy()).hasValue(new GroupBy(GroupBy.Kind.ROLLUP, List.of(FieldPath.of("StageName"))));
    assertThat(q.having()).hasValue(new Comparison(
        new FunctionCall("SUM", List.of(FieldPath.of("Amount"))), Operator.GT,
        new Literal.NumberValue(new BigDecimal("1000"))));
    assertThat(q.orderBy()).containsExactly(
        new OrderItem(FieldPath.of("StageName"), Optional.of(OrderItem.Direction.DESC), Optional.of(OrderItem.Nulls.LAST)),
        new OrderItem(new FunctionCall("SUM", List.of(FieldPath.of("Amount"))), Optional.empty(), Optional.empty()));
    assertThat(q.limit()).hasValue(BigInteger.valueOf(50));
    assertThat(q.offset()).hasValue(BigInteger.TEN);
    assertThat(q.isAggregate()).isTrue();
    assertThat(q.isCountQuery()).isFalse();
  }

  @Test
  void recordsEveryClauseSpanAtTokenBoundaries() {
    String soql = "SELECT Id FROM Account  USING SCOPE mine WHERE Name = 'x'\n"
        + "WITH DATA CATEGORY Geography__c AT usa__c WITH SECURITY_ENFORCED GROUP BY Id HAVING COUNT(Id) > 1 "
        + "ORDER BY Id LIMIT 5 OFFSET 1 ";
    SelectQuery q = SoqlParser.parse(soql);
    Map<Clause, String> texts = new java.util.EnumMap<>(Clause.class);
    q.clausesInOrder().forEach((clause, span) -> texts.put(clause, soql.substring(span.start(), span.end())));
    assertThat(texts).containsExactly(
        Map.entry(Clause.SELECT, "SELECT Id"),
        Map.entry(Clause.FROM, "FROM Account"),
        Map.entry(Clause.USING_SCOPE, "USING SCOPE mine"),
        Map.entry(Clause.WHERE, "WHERE Name = 'x'"),
        Map.entry(Clause.WITH_DATA_CATEGORY, "WITH DATA CATEGORY Geography__c AT usa__c"),
        Map.entry(Clause.WITH_ACCESS_MODE, "WITH SECURITY_ENFORCED"),
        Map.entry(Clause.GROUP_BY, "GROUP BY Id"),
        Map.entry(Clause.HAVING, "HAVING COUNT(Id) > 1"),
        Map.entry(Clause.ORDER_BY, "ORDER BY Id"),
        Map.entry(Clause.LIMIT, "LIMIT 5"),
        Map.entry(Clause.OFFSET, "OFFSET 1"));
    assertThat(q.span()).isEqualTo(new Span(0, soql.length() - 1));
  }

  @Test
  void decodesStringEscapes() {
    assertThat(whereValue("Name = 'it\\'s'")).isEqualTo(new Literal.StringValue("it's"));
    assertThat(whereValue("Name = 'a\\nb\\tc\\rd\\be\\\"f\\\\g'"))
        .isEqualTo(new Literal.StringValue("a\nb\tc\rd\be\"f\\g"));
    assertThat(whereValue("Name = 'A\\NB\\TC\\RD\\BE'")).isEqualTo(new Literal.StringValue("A\nB\tC\rD\bE"));
    assertThat(whereValue("Name = 'caf\\u00e9'")).isEqualTo(new Literal.StringValue("café"));
    assertThat(whereValue("Name = '日本'")).isEqualTo(new Literal.StringValue("日本"));
    assertThat(whereValue("Name = ''")).isEqualTo(new Literal.StringValue(""));
  }

  @Test
  void aBackslashQuoteStaysInsideTheLiteral() {
    assertThat(whereValue("Name = 'a\\' OR Name != '"))
        .isEqualTo(new Literal.StringValue("a' OR Name != "));
    assertThat(whereValue("Name = 'a\\u0027 OR Id != null'"))
        .isEqualTo(new Literal.StringValue("a' OR Id != null"));
  }

  @Test
  void anEscapedBackslashEndsTheLiteral() {
    SelectQuery q = SoqlParser.parse("SELECT Id FROM Account WHERE Name = 'a\\\\' OR Name != ''");
    assertThat(q.where()).hasValue(new Condition.Or(List.of(
        new Comparison(FieldPath.of("Name"), Operator.EQ, new Literal.StringValue("a\\")),
        new Comparison(FieldPath.of("Name"), Operator.NE, new Literal.StringValue("")))));
  }

  @Test
  void likePatternsKeepTheirWildcardEscapes() {
    SelectQuery q = SoqlParser.parse("SELECT Id FROM Account WHERE Name LIKE 'a\\%b\\_c\\\\%\\'_'");
    assertThat(q.where()).hasValue(
        new Comparison(FieldPath.of("Name"), Operator.LIKE, new Literal.LikePattern("a\\%b\\_c\\\\%'_")));
  }

  @Test
  void decodesNumbersDatesAndOtherLiterals() {
    assertThat(whereValue("Amount > 1000")).isEqualTo(new Literal.NumberValue(new BigDecimal("1000")));
    assertThat(whereValue("Amount > -12.50")).isEqualTo(new Literal.NumberValue(new BigDecimal("-12.50")));
    assertThat(whereValue("Amount > +3")).isEqualTo(new Literal.NumberValue(new BigDecimal("3")));
    assertThat(whereValue("Amount > .5")).isEqualTo(new Literal.NumberValue(new BigDecimal("0.5")));
    assertThat(whereValue("Amount > USD5000")).isEqualTo(new Literal.CurrencyValue("USD", new BigDecimal("5000")));
    assertThat(whereValue("Amount > eur100.50")).isEqualTo(new Literal.CurrencyValue("EUR", new BigDecimal("100.50")));
    assertThat(whereValue("IsWon = TRUE")).isEqualTo(new Literal.BooleanValue(true));
    assertThat(whereValue("IsWon = false")).isEqualTo(new Literal.BooleanValue(false));
    assertThat(whereValue("OwnerId = null")).isEqualTo(new Literal.NullValue());
    assertThat(whereValue("CloseDate = 2026-05-01")).isEqualTo(new Literal.DateValue(LocalDate.of(2026, 5, 1)));
    assertThat(whereValue("CreatedDate > 2026-05-01T00:00:00Z")).isEqualTo(new Literal.DateTimeValue(
        OffsetDateTime.of(2026, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    assertThat(whereValue("CreatedDate > 2026-05-01T08:30:15.25+05:30")).isEqualTo(new Literal.DateTimeValue(
        OffsetDateTime.of(2026, 5, 1, 8, 30, 15, 250_000_000, ZoneOffset.ofHoursMinutes(5, 30))));
    assertThat(whereValue("CreatedDate > 2026-05-01T08:30:15-08:00")).isEqualTo(new Literal.DateTimeValue(
        OffsetDateTime.of(2026, 5, 1, 8, 30, 15, 0, ZoneOffset.ofHours(-8))));
  }

  @Test
  void decodesRelativeDateLiteralsWithTheirN() {
    assertThat(whereValue("CloseDate = today")).isEqualTo(new Literal.RelativeDate("TODAY", OptionalInt.empty()));
    Literal lastN = whereValue("CloseDate = last_n_days : 30");
    assertThat(lastN).isEqualTo(new Literal.RelativeDate("LAST_N_DAYS", OptionalInt.of(30)));
    assertThat(((Literal.RelativeDate) lastN).canonical()).isEqualTo("LAST_N_DAYS:30");
    assertThat(whereValue("CloseDate = N_FISCAL_QUARTERS_AGO:2"))
        .isEqualTo(new Literal.RelativeDate("N_FISCAL_QUARTERS_AGO", OptionalInt.of(2)));
    assertThat(whereValue("CloseDate = LAST_90_DAYS"))
        .isEqualTo(new Literal.RelativeDate("LAST_90_DAYS", OptionalInt.empty()));
  }

  @Test
  void parsesSetOperatorsAndSemiJoins() {
    SelectQuery q = SoqlParser.parse("SELECT Id FROM Account WHERE Industry IN ('Tech', 'Retail') AND "
        + "Type NOT IN ('Partner') AND Interests__c INCLUDES ('Golf;Tennis') AND "
        + "Id NOT IN (SELECT AccountId FROM Opportunity WHERE IsWon = true)");
    Condition.And and = (Condition.And) q.where().orElseThrow();
    assertThat(and.operands().get(0)).isEqualTo(new Condition.InList(FieldPath.of("Industry"),
        Condition.SetOperator.IN, List.of(new Literal.StringValue("Tech"), new Literal.StringValue("Retail"))));
    assertThat(and.operands().get(1)).isEqualTo(new Condition.InList(FieldPath.of("Type"),
        Condition.SetOperator.NOT_IN, List.of(new Literal.StringValue("Partner"))));
    assertThat(and.operands().get(2)).isEqualTo(new Condition.InList(FieldPath.of("Interests__c"),
        Condition.SetOperator.INCLUDES, List.of(new Literal.StringValue("Golf;Tennis"))));
    Condition.SemiJoin join = (Condition.SemiJoin) and.operands().get(3);
    assertThat(join.negated()).isTrue();
    assertThat(join.query().object()).isEqualTo(FieldPath.of("Opportunity"));
    assertThat(join.query().select()).containsExactly(new SelectItem.Field(FieldPath.of("AccountId"), Optional.empty()));
  }

  @Test
  void parsesNotAndParenthesisedGroups() {
    SelectQuery q = SoqlParser.parse(
        "SELECT Id FROM Account WHERE (NOT Name LIKE 'x%') AND (Industry = 'a' OR Industry = 'b')");
    assertThat(q.where()).hasValue(new Condition.And(List.of(
        new Condition.Not(new Comparison(FieldPath.of("Name"), Operator.LIKE, new Literal.LikePattern("x%"))),
        new Condition.Or(List.of(
            new Comparison(FieldPath.of("Industry"), Operator.EQ, new Literal.StringValue("a")),
            new Comparison(FieldPath.of("Industry"), Operator.EQ, new Literal.StringValue("b")))))));
  }

  @Test
  void parsesParentPathsChildSubqueriesAndFunctions() {
    SelectQuery q = SoqlParser.parse("SELECT Account.Owner.Name, toLabel(StageName) stage, "
        + "(SELECT LastName FROM Contacts ORDER BY LastName LIMIT 5), FIELDS(STANDARD), "
        + "DISTANCE(Location__c, GEOLOCATION(37.775, -122.418), 'mi') dist FROM Opportunity");
    assertThat(q.select().get(0)).isEqualTo(
        new SelectItem.Field(FieldPath.of("Account", "Owner", "Name"), Optional.empty()));
    assertThat(((FieldPath) ((SelectItem.Field) q.select().get(0)).expr()).dotted()).isEqualTo("Account.Owner.Name");
    assertThat(q.select().get(1)).isEqualTo(new SelectItem.Field(
        new FunctionCall("TOLABEL", List.of(FieldPath.of("StageName"))), Optional.of("stage")));
    SelectQuery child = ((SelectItem.Subquery) q.select().get(2)).query();
    assertThat(child.object()).isEqualTo(FieldPath.of("Contacts"));
    assertThat(child.limit()).hasValue(BigInteger.valueOf(5));
    assertThat(q.select().get(3)).isEqualTo(new SelectItem.Field(
        new FunctionCall("FIELDS", List.of(FieldPath.of("STANDARD"))), Optional.empty()));
    assertThat(q.select().get(4)).isEqualTo(new SelectItem.Field(new FunctionCall("DISTANCE", List.of(
        FieldPath.of("Location__c"),
        new FunctionCall("GEOLOCATION", List.<Expr>of(
            new Literal.NumberValue(new BigDecimal("37.775")), new Literal.NumberValue(new BigDecimal("-122.418")))),
        new Literal.StringValue("mi"))), Optional.of("dist")));
    assertThat(q.isAggregate()).isFalse();
  }

  @Test
  void parsesTypeOf() {
    SelectQuery q = SoqlParser.parse("SELECT Id, TYPEOF What WHEN Account THEN Phone, Name "
        + "WHEN Opportunity THEN Amount ELSE Name END FROM Event");
    assertThat(q.select().get(1)).isEqualTo(new SelectItem.TypeOf(FieldPath.of("What"),
        List.of(new SelectItem.When("Account", List.of(FieldPath.of("Phone"), FieldPath.of("Name"))),
            new SelectItem.When("Opportunity", List.of(FieldPath.of("Amount")))),
        List.of(FieldPath.of("Name"))));
  }

  @Test
  void parsesDataCategoriesAndDateFunctionGroups() {
    SelectQuery q = SoqlParser.parse("SELECT Title FROM KnowledgeArticleVersion WITH DATA CATEGORY "
        + "Geography__c AT (usa__c, uk__c) AND Product__c ABOVE_OR_BELOW all__c");
    assertThat(q.dataCategories()).containsExactly(
        new DataCategoryFilter("Geography__c", DataCategoryFilter.Selector.AT, List.of("usa__c", "uk__c")),
        new DataCategoryFilter("Product__c", DataCategoryFilter.Selector.ABOVE_OR_BELOW, List.of("all__c")));

    SelectQuery grouped = SoqlParser.parse("SELECT CALENDAR_YEAR(CloseDate) y, SUM(Amount) FROM Opportunity "
        + "GROUP BY CUBE(CALENDAR_YEAR(CloseDate), StageName)");
    assertThat(grouped.groupBy()).hasValue(new GroupBy(GroupBy.Kind.CUBE, List.of(
        new FunctionCall("CALENDAR_YEAR", List.of(FieldPath.of("CloseDate"))), FieldPath.of("StageName"))));
  }

  @Test
  void countQueriesAreRecognised() {
    assertThat(SoqlParser.parse("SELECT COUNT() FROM Lead").isCountQuery()).isTrue();
    assertThat(SoqlParser.parse("SELECT COUNT(Id) FROM Lead").isCountQuery()).isFalse();
    assertThat(SoqlParser.parse("SELECT convertCurrency(SUM(Amount)) FROM Opportunity").isAggregate()).isTrue();
  }

  @Test
  void keywordsAreContextual() {
    SelectQuery q = SoqlParser.parse("SELECT Order.OrderNumber, Group__c FROM Order WHERE Select__c = 'WHERE'");
    assertThat(q.object()).isEqualTo(FieldPath.of("Order"));
    assertThat(q.select().get(0)).isEqualTo(new SelectItem.Field(FieldPath.of("Order", "OrderNumber"), Optional.empty()));
  }

  @Test
  void leavesPolicyToTheGuard() {
    assertThat(SoqlParser.parse("SELECT Id FROM Account WITH SYSTEM_MODE").accessMode()).hasValue(AccessMode.SYSTEM_MODE);
    assertThat(SoqlParser.parse("SELECT Id FROM Account LIMIT 90000").limit()).hasValue(BigInteger.valueOf(90000));
  }

  @Test
  void boundsNestingInsteadOfOverflowingTheStack() {
    String deep = "SELECT Id FROM Account WHERE " + "(".repeat(50_000) + "Name = 'x'" + ")".repeat(50_000);
    SoqlRejectedException e = catchThrowableOfType(SoqlRejectedException.class, () -> SoqlParser.parse(deep));
    assertThat(e).hasMessageContaining("nest deeper than 64 levels");
    assertThat(e.position()).isEqualTo(29 + 64);

    String ok = "SELECT Id FROM Account WHERE " + "(".repeat(64) + "Name = 'x'" + ")".repeat(64);
    assertThat(SoqlParser.parse(ok).where()).isPresent();
  }
}
