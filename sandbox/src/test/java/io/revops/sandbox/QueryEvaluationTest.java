package io.revops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.salesforce.QueryPage;
import io.revops.salesforce.SObjectRecord;
import io.revops.salesforce.SalesforceApiException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The query evaluator, through the real SalesforceClient and SoqlGuard: every answer is compared with the
 * same question computed directly from the seed data in Java.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryEvaluationTest {
  private SandboxFixture f;
  private List<SampleRecord> opportunities;
  private LocalDate today;

  @BeforeAll
  void start() {
    f = new SandboxFixture();
    opportunities = f.data().records("Opportunity");
    today = f.data().today();
  }

  @AfterAll
  void stop() {
    f.close();
  }

  private Set<String> ids(List<SObjectRecord> records) {
    return records.stream().map(r -> r.getString("Id").orElseThrow()).collect(Collectors.toSet());
  }

  private Set<String> expectedIds(Predicate<SampleRecord> filter) {
    return opportunities.stream().filter(filter).map(SampleRecord::id).collect(Collectors.toSet());
  }

  private static BigDecimal amount(SampleRecord o) {
    return o.getDecimal("Amount").orElse(BigDecimal.ZERO);
  }

  private static boolean open(SampleRecord o) {
    return !o.getBoolean("IsClosed").orElseThrow();
  }

  private static LocalDate close(SampleRecord o) {
    return o.getDate("CloseDate").orElseThrow();
  }

  private SalesforceApiException queryError(String soql) {
    return catchThrowableOfType(SalesforceApiException.class, () -> f.salesforce.query(f.guard.check(soql)));
  }

  // ---------------------------------------------------------------- setup metadata

  @Test
  void fieldDefinitionNamesTheHistoryTrackedOpportunityFieldsTheSeededHistoryUses() {
    // revops-core's tracking check, as SalesforceHistory sends it.
    List<SObjectRecord> tracked = f.queryAll("SELECT QualifiedApiName FROM FieldDefinition"
        + " WHERE EntityDefinition.QualifiedApiName = 'Opportunity' AND IsFieldHistoryTracked = true");
    assertThat(tracked).extracting(r -> r.getString("QualifiedApiName").orElseThrow())
        .containsExactlyInAnyOrder("StageName", "Amount", "CloseDate");
    Set<String> historyFields = f.data().records("OpportunityFieldHistory").stream()
        .map(h -> h.getString("Field").orElseThrow()).collect(Collectors.toSet());
    assertThat(historyFields).containsExactlyInAnyOrder("StageName", "Amount", "CloseDate");

    List<String> describeFields = f.salesforce.describe("Opportunity").fields().stream()
        .map(io.revops.salesforce.FieldDescribe::name).toList();
    // LIMIT is ignored on FieldDefinition, as Salesforce does.
    List<SObjectRecord> all = f.salesforce.query(f.guard.check("SELECT QualifiedApiName, DataType,"
        + " IsFieldHistoryTracked, EntityDefinition.Label FROM FieldDefinition WHERE EntityDefinitionId = 'Opportunity'"
        + " LIMIT 5")).records();
    assertThat(all).extracting(r -> r.getString("QualifiedApiName").orElseThrow())
        .containsExactlyInAnyOrderElementsOf(describeFields);
    SObjectRecord stage = all.stream().filter(r -> r.getString("QualifiedApiName").orElseThrow().equals("StageName"))
        .findFirst().orElseThrow();
    assertThat(stage.getString("DataType")).contains("Picklist");
    assertThat(stage.getBoolean("IsFieldHistoryTracked")).contains(true);
    assertThat(stage.getString("EntityDefinition.Label")).contains("Opportunity");
    assertThat(f.queryAll("SELECT QualifiedApiName FROM FieldDefinition WHERE EntityDefinition.QualifiedApiName"
        + " = 'Account' AND IsFieldHistoryTracked = true")).isEmpty();
  }

  @Test
  void fieldDefinitionRefusesWhatSalesforceRefusesThere() {
    String from = "FROM FieldDefinition WHERE EntityDefinition.QualifiedApiName = 'Opportunity'";
    Map<String, String> refused = Map.of(
        "SELECT COUNT() " + from, "The requested operation is not yet supported by this SObject storage type",
        "SELECT DataType, COUNT(Id) " + from + " GROUP BY DataType", "not yet supported by this SObject storage type",
        "SELECT QualifiedApiName " + from + " AND (IsFieldHistoryTracked = true OR DataType = 'Date')",
        "Disjunctions not supported",
        "SELECT QualifiedApiName " + from + " AND QualifiedApiName != 'Name'", "Only equals comparisons permitted",
        "SELECT QualifiedApiName " + from + " AND (NOT IsFieldHistoryTracked = true)", "Only equals comparisons permitted",
        "SELECT QualifiedApiName " + from + " AND QualifiedApiName NOT IN ('Name')", "Only equals comparisons permitted");
    refused.forEach((soql, message) -> {
      SalesforceApiException e = queryError(soql);
      assertThat(e).as(soql).isNotNull();
      assertThat(e.errorCode()).as(soql).isEqualTo("MALFORMED_QUERY");
      assertThat(e.getMessage()).as(soql).contains(message);
    });
  }

  // ---------------------------------------------------------------- field lists

  @Test
  void selectsFieldsAndParentRelationshipsAsNestedRecords() {
    SampleRecord opp = opportunities.get(17);
    SampleRecord account = f.data().record("Account", opp.getString("AccountId").orElseThrow()).orElseThrow();
    SampleRecord owner = f.data().record("User", opp.getString("OwnerId").orElseThrow()).orElseThrow();
    SampleRecord manager = f.data().record("User", owner.getString("ManagerId").orElseThrow()).orElseThrow();

    SObjectRecord row = f.salesforce.query(f.guard.check("SELECT Id, Name, Amount, CloseDate, LastStageChangeDate,"
        + " Account.Name, Account.Industry, Owner.Name, Owner.Manager.Name FROM Opportunity WHERE Id = '"
        + opp.id().substring(0, 15) + "'")).records().get(0);

    assertThat(row.type()).isEqualTo("Opportunity");
    assertThat(row.getString("Name")).isEqualTo(opp.getString("Name"));
    assertThat(row.getDecimal("Amount").orElseThrow()).isEqualByComparingTo(amount(opp));
    assertThat(row.getDate("CloseDate")).isEqualTo(opp.getDate("CloseDate"));
    assertThat(row.getDateTime("LastStageChangeDate").map(t -> t.toInstant()))
        .isEqualTo(opp.getDateTime("LastStageChangeDate"));
    assertThat(row.getString("Account.Name")).isEqualTo(account.getString("Name"));
    assertThat(row.getString("Account.Industry")).isEqualTo(account.getString("Industry"));
    assertThat(row.getString("Owner.Name")).isEqualTo(owner.getString("Name"));
    assertThat(row.getString("Owner.Manager.Name")).isEqualTo(manager.getString("Name"));
  }

  @Test
  void anEmptyParentRelationshipIsNullAndPolymorphicNamesResolve() {
    QueryPage page = f.salesforce.query(f.guard.check(
        "SELECT Id, Subject, What.Name, What.Type, Who.Name, Account.Name FROM Event ORDER BY ActivityDate LIMIT 50"));
    for (SObjectRecord event : page.records()) {
      SampleRecord stored = f.data().record("Event", event.getString("Id").orElseThrow()).orElseThrow();
      String whatId = stored.getString("WhatId").orElseThrow();
      String whatType = whatId.startsWith("006") ? "Opportunity" : "Account";
      assertThat(event.getString("What.Type")).contains(whatType);
      assertThat(event.getString("What.Name")).isEqualTo(f.data().record(whatType, whatId).orElseThrow()
          .getString("Name"));
    }
    SObjectRecord user = f.salesforce.query(f.guard.check("SELECT Name, Manager.Name FROM User WHERE Title ="
        + " 'Chief Revenue Officer'")).records().get(0);
    assertThat(user.has("Manager")).isTrue();
    assertThat(user.get("Manager")).isEmpty();
  }

  @Test
  void fieldsAllExpandsToEveryField() {
    SObjectRecord row = f.salesforce.query(f.guard.check("SELECT FIELDS(ALL) FROM Cleanup_Audit__c LIMIT 1"))
        .records().get(0);
    assertThat(row.has("Failed__c")).isTrue();
    assertThat(row.has("Justification__c")).isTrue();
    assertThat(row.has("CreatedDate")).isTrue();
  }

  // ---------------------------------------------------------------- WHERE

  @Test
  void comparisonsAndAndMatchTheData() {
    List<SObjectRecord> rows = f.queryAll("SELECT Id FROM Opportunity WHERE Amount >= 100000 AND IsClosed = false"
        + " AND Probability < 75");
    assertThat(ids(rows)).isEqualTo(expectedIds(o -> amount(o).compareTo(BigDecimal.valueOf(100000)) >= 0 && open(o)
        && o.getDecimal("Probability").orElseThrow().compareTo(BigDecimal.valueOf(75)) < 0)).isNotEmpty();
  }

  @Test
  void inNotInOrAndNotMatchTheData() {
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE StageName IN ('Commit', 'negotiation')")))
        .isEqualTo(expectedIds(o -> Set.of("Commit", "Negotiation").contains(o.getString("StageName").orElseThrow())));
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE StageName NOT IN ('Closed Won', 'Closed Lost')")))
        .isEqualTo(expectedIds(QueryEvaluationTest::open));
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE (Type = 'Renewal' OR Amount < 20000) AND (NOT"
        + " StageName = 'Prospecting')")))
        .isEqualTo(expectedIds(o -> (o.getString("Type").orElseThrow().equals("Renewal")
            || amount(o).compareTo(BigDecimal.valueOf(20000)) < 0)
            && !o.getString("StageName").orElseThrow().equals("Prospecting")));
  }

  @Test
  void notEqualMatchesEmptyFieldsButNotInDoesNot() {
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE NextStep != 'Legal redlines'")))
        .isEqualTo(expectedIds(o -> !o.getString("NextStep").orElse("").equals("Legal redlines")));
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE NextStep NOT IN ('Legal redlines')")))
        .isEqualTo(expectedIds(o -> o.getString("NextStep").filter(s -> !s.equals("Legal redlines")).isPresent()));
    assertThat(expectedIds(o -> o.getString("NextStep").isEmpty())).isNotEmpty();
  }

  @Test
  void likeIsCaseInsensitiveWithWildcardsAndEscapes() {
    List<SampleRecord> accounts = f.data().records("Account");
    Set<String> expected = accounts.stream()
        .filter(a -> a.getString("Name").orElseThrow().toLowerCase(Locale.ROOT).contains("health"))
        .map(SampleRecord::id).collect(Collectors.toSet());
    assertThat(ids(f.queryAll("SELECT Id FROM Account WHERE Name LIKE '%HEALTH%'"))).isEqualTo(expected);
    Set<String> stems = accounts.stream()
        .filter(a -> a.getString("Name").orElseThrow().matches("(?i)b.rch.*"))
        .map(SampleRecord::id).collect(Collectors.toSet());
    assertThat(ids(f.queryAll("SELECT Id FROM Account WHERE Name LIKE 'b_rch%'"))).isEqualTo(stems);
    assertThat(f.queryAll("SELECT Id FROM Account WHERE Name LIKE '100\\%'")).isEmpty();
  }

  @Test
  void nullComparisons() {
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE LastActivityDate = null")))
        .isEqualTo(expectedIds(o -> o.getDate("LastActivityDate").isEmpty())).isNotEmpty();
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE LastActivityDate != null")))
        .isEqualTo(expectedIds(o -> o.getDate("LastActivityDate").isPresent()));
  }

  @Test
  void relativeDateLiteralsOnDateFields() {
    LocalDate quarterStart = today.with(IsoFields.DAY_OF_QUARTER, 1);
    LocalDate nextQuarter = quarterStart.plusMonths(3);
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE CloseDate = THIS_QUARTER")))
        .isEqualTo(expectedIds(o -> !close(o).isBefore(quarterStart) && close(o).isBefore(nextQuarter)));
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE CloseDate = NEXT_QUARTER")))
        .isEqualTo(expectedIds(o -> !close(o).isBefore(nextQuarter) && close(o).isBefore(nextQuarter.plusMonths(3))));
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE CloseDate > THIS_QUARTER")))
        .isEqualTo(expectedIds(o -> !close(o).isBefore(nextQuarter)));
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE CloseDate < TODAY AND IsClosed = false")))
        .isEqualTo(expectedIds(o -> close(o).isBefore(today) && open(o))).isNotEmpty();
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE CloseDate = NEXT_N_DAYS:30")))
        .isEqualTo(expectedIds(o -> close(o).isAfter(today) && !close(o).isAfter(today.plusDays(30))));
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE CloseDate = LAST_N_DAYS:30")))
        .isEqualTo(expectedIds(o -> !close(o).isBefore(today.minusDays(30)) && !close(o).isAfter(today)));
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE LastActivityDate = YESTERDAY")))
        .isEqualTo(expectedIds(o -> o.getDate("LastActivityDate").filter(today.minusDays(1)::equals).isPresent()));
    LocalDate monthStart = today.withDayOfMonth(1);
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE CloseDate = LAST_MONTH")))
        .isEqualTo(expectedIds(o -> !close(o).isBefore(monthStart.minusMonths(1)) && close(o).isBefore(monthStart)));
    LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    assertThat(ids(f.queryAll("SELECT Id FROM Event WHERE ActivityDate = NEXT_WEEK")))
        .isEqualTo(f.data().records("Event").stream().filter(e -> {
          LocalDate day = e.getDate("ActivityDate").orElseThrow();
          return !day.isBefore(weekStart.plusDays(7)) && day.isBefore(weekStart.plusDays(14));
        }).map(SampleRecord::id).collect(Collectors.toSet()));
  }

  @Test
  void relativeDateLiteralsOnDatetimeFieldsCoverWholeDays() {
    Instant since = today.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC);
    Set<String> expected = expectedIds(o -> !o.getDateTime("LastStageChangeDate").orElseThrow().isBefore(since));
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE LastStageChangeDate = LAST_N_DAYS:30")))
        .isEqualTo(expected).isNotEmpty();
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE LastStageChangeDate < LAST_N_DAYS:60 AND"
        + " IsClosed = false")))
        .isEqualTo(expectedIds(o -> open(o) && o.getDateTime("LastStageChangeDate").orElseThrow()
            .isBefore(today.minusDays(60).atStartOfDay().toInstant(ZoneOffset.UTC)))).isNotEmpty();
  }

  @Test
  void dateAndDatetimeLiteralsKeepTheirSemantics() {
    Instant cutoff = Instant.parse("2026-05-01T00:00:00Z");
    List<SampleRecord> history = f.data().records("OpportunityHistory");
    Set<String> expected = history.stream().filter(h -> !h.getDateTime("CreatedDate").orElseThrow().isBefore(cutoff))
        .map(SampleRecord::id).collect(Collectors.toSet());
    assertThat(ids(f.queryAll("SELECT Id FROM OpportunityHistory WHERE CreatedDate >= 2026-05-01T00:00:00Z")))
        .isEqualTo(expected).isNotEmpty();
    assertThat(ids(f.queryAll("SELECT Id FROM OpportunityHistory WHERE CreatedDate >= 2026-05-01T02:00:00+02:00")))
        .isEqualTo(expected);
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE CloseDate <= 2026-06-30")))
        .isEqualTo(expectedIds(o -> !close(o).isAfter(LocalDate.parse("2026-06-30"))));
  }

  @Test
  void aBareDateAgainstADatetimeFieldFailsLikeSalesforce() {
    SalesforceApiException e = queryError("SELECT Id FROM OpportunityHistory WHERE CreatedDate >= 2026-05-01");
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(e.getMessage()).contains("value of filter criterion for field 'CreatedDate' must be of type dateTime");
    SalesforceApiException reverse = queryError("SELECT Id FROM Opportunity WHERE CloseDate > 2026-05-01T00:00:00Z");
    assertThat(reverse.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(reverse.getMessage()).contains("must be of type date");
  }

  @Test
  void literalsOfTheWrongTypeAreRefused() {
    assertThat(queryError("SELECT Id FROM Opportunity WHERE Amount > '5'").getMessage())
        .contains("must be of type double and should not be enclosed in quotes");
    assertThat(queryError("SELECT Id FROM Opportunity WHERE Name = 5").getMessage())
        .contains("must be of type string and should be enclosed in quotes");
    assertThat(queryError("SELECT Id FROM Opportunity WHERE OwnerId = 'nobody'").errorCode())
        .isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
    assertThat(queryError("SELECT Id FROM Opportunity WHERE Description = 'x'").getMessage())
        .contains("can not be filtered");
  }

  @Test
  void dateFunctionsFilterAndGroup() {
    int year = today.getYear();
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE CALENDAR_YEAR(CloseDate) = " + year)))
        .isEqualTo(expectedIds(o -> close(o).getYear() == year));
    List<SObjectRecord> rows = f.queryAll("SELECT CALENDAR_QUARTER(CloseDate), COUNT(Id) n FROM Opportunity"
        + " WHERE CALENDAR_YEAR(CloseDate) = " + year + " GROUP BY CALENDAR_QUARTER(CloseDate)");
    Map<Integer, Long> expected = opportunities.stream().filter(o -> close(o).getYear() == year)
        .collect(Collectors.groupingBy(o -> (close(o).getMonthValue() - 1) / 3 + 1, Collectors.counting()));
    assertThat(rows.stream().collect(Collectors.toMap(r -> r.getDecimal("expr0").orElseThrow().intValue(),
        r -> r.getDecimal("n").orElseThrow().longValue()))).isEqualTo(expected);
  }

  // ---------------------------------------------------------------- aggregates

  @Test
  void pipelineByStageEqualsTheSumsOverOpenOpportunitiesInTheWindow() {
    List<SObjectRecord> rows = f.queryAll("SELECT StageName, COUNT(Id), SUM(Amount) total FROM Opportunity"
        + " WHERE IsClosed = false AND CloseDate >= TODAY AND CloseDate = NEXT_N_DAYS:90 GROUP BY StageName");
    Predicate<SampleRecord> inWindow = o -> open(o) && close(o).isAfter(today)
        && !close(o).isAfter(today.plusDays(90));
    Map<String, BigDecimal> sums = new TreeMap<>();
    Map<String, Long> counts = new TreeMap<>();
    opportunities.stream().filter(inWindow).forEach(o -> {
      sums.merge(o.getString("StageName").orElseThrow(), amount(o), BigDecimal::add);
      counts.merge(o.getString("StageName").orElseThrow(), 1L, Long::sum);
    });

    assertThat(rows).allSatisfy(r -> assertThat(r.type()).isEqualTo("AggregateResult"));
    Map<String, BigDecimal> actualSums = new TreeMap<>();
    Map<String, Long> actualCounts = new TreeMap<>();
    rows.forEach(r -> {
      actualSums.put(r.getString("StageName").orElseThrow(), r.getDecimal("total").orElseThrow().stripTrailingZeros());
      actualCounts.put(r.getString("StageName").orElseThrow(), r.getDecimal("expr0").orElseThrow().longValue());
    });
    sums.replaceAll((k, v) -> v.stripTrailingZeros());
    assertThat(actualSums).isEqualTo(sums);
    assertThat(actualCounts).isEqualTo(counts);
    assertThat(counts).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void aggregatesWithoutGroupByAnswerOneRowWithExprNames() {
    SObjectRecord row = f.queryAll("SELECT COUNT(Id), SUM(Amount), MIN(CloseDate), MAX(Amount) biggest,"
        + " AVG(Amount) FROM Opportunity WHERE IsWon = true").get(0);
    List<SampleRecord> won = opportunities.stream().filter(o -> o.getBoolean("IsWon").orElseThrow()).toList();
    BigDecimal sum = won.stream().map(QueryEvaluationTest::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(row.getDecimal("expr0").orElseThrow().intValue()).isEqualTo(won.size());
    assertThat(row.getDecimal("expr1").orElseThrow()).isEqualByComparingTo(sum);
    assertThat(row.getDate("expr2")).contains(won.stream().map(QueryEvaluationTest::close)
        .min(Comparator.naturalOrder()).orElseThrow());
    assertThat(row.getDecimal("biggest").orElseThrow()).isEqualByComparingTo(won.stream()
        .map(QueryEvaluationTest::amount).max(Comparator.naturalOrder()).orElseThrow());
    assertThat(row.getDecimal("expr3").orElseThrow().doubleValue())
        .isCloseTo(sum.doubleValue() / won.size(), org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void countAnswersTotalSizeWithNoRecords() {
    QueryPage page = f.salesforce.query(f.guard.check("SELECT COUNT() FROM Opportunity WHERE IsClosed = false"));
    assertThat(page.totalSize()).isEqualTo(opportunities.stream().filter(QueryEvaluationTest::open).count());
    assertThat(page.records()).isEmpty();
    assertThat(f.salesforce.query(f.guard.check("SELECT COUNT() FROM Opportunity LIMIT 7")).totalSize()).isEqualTo(7);
  }

  @Test
  void groupByParentFieldsHavingAndOrderByAggregate() {
    List<SObjectRecord> rows = f.queryAll("SELECT Owner.Name, COUNT(Id) deals, SUM(Amount) FROM Opportunity"
        + " WHERE IsClosed = false GROUP BY Owner.Name HAVING COUNT(Id) > 20 ORDER BY SUM(Amount) DESC");
    Map<String, List<SampleRecord>> byOwner = opportunities.stream().filter(QueryEvaluationTest::open)
        .collect(Collectors.groupingBy(o -> f.data().record("User", o.getString("OwnerId").orElseThrow())
            .orElseThrow().getString("Name").orElseThrow()));
    List<String> expected = byOwner.entrySet().stream().filter(e -> e.getValue().size() > 20)
        .sorted(Comparator.comparing((Map.Entry<String, List<SampleRecord>> e) -> e.getValue().stream()
            .map(QueryEvaluationTest::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).reversed())
        .map(Map.Entry::getKey).toList();
    assertThat(rows).extracting(r -> r.getString("Name").orElseThrow()).containsExactlyElementsOf(expected);
    assertThat(expected).isNotEmpty();
  }

  @Test
  void aFieldNeitherGroupedNorAggregatedIsRefused() {
    SalesforceApiException e = queryError("SELECT StageName, Name, COUNT(Id) FROM Opportunity GROUP BY StageName");
    assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(e.getMessage()).contains("Field must be grouped or aggregated: Name");
    assertThat(queryError("SELECT Amount, COUNT(Id) FROM Opportunity GROUP BY Amount").getMessage())
        .contains("can not be grouped");
    assertThat(queryError("SELECT SUM(Name) FROM Opportunity").getMessage())
        .contains("does not support aggregate operator SUM");
  }

  // ---------------------------------------------------------------- ORDER BY, LIMIT, OFFSET

  @Test
  void orderByWithNullsAndTieBreakersLimitAndOffset() {
    List<SObjectRecord> rows = f.queryAll("SELECT Id FROM Opportunity ORDER BY LastActivityDate DESC NULLS FIRST,"
        + " Name ASC, Id LIMIT 40 OFFSET 10");
    Comparator<SampleRecord> order = Comparator
        .comparing((SampleRecord o) -> o.getDate("LastActivityDate").orElse(null),
            Comparator.nullsFirst(Comparator.<LocalDate>reverseOrder()))
        .thenComparing(o -> o.getString("Name").orElseThrow(), String.CASE_INSENSITIVE_ORDER)
        .thenComparing(SampleRecord::id);
    List<String> expected = opportunities.stream().sorted(order).skip(10).limit(40).map(SampleRecord::id).toList();
    assertThat(rows).extracting(r -> r.getString("Id").orElseThrow()).containsExactlyElementsOf(expected);
  }

  @Test
  void picklistsSortInPicklistOrder() {
    List<SObjectRecord> rows = f.queryAll("SELECT StageName FROM Opportunity ORDER BY StageName DESC LIMIT 300");
    List<String> stages = f.data().stageNames();
    assertThat(rows).extracting(r -> stages.indexOf(r.getString("StageName").orElseThrow()))
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  // ---------------------------------------------------------------- semi-joins and child subqueries

  @Test
  void semiJoinsAndAntiJoins() {
    Set<String> withCommit = opportunities.stream()
        .filter(o -> o.getString("StageName").orElseThrow().equals("Commit"))
        .map(o -> o.getString("AccountId").orElseThrow()).collect(Collectors.toSet());
    assertThat(ids(f.queryAll("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity WHERE"
        + " StageName = 'Commit')"))).isEqualTo(withCommit).isNotEmpty();
    Set<String> all = f.data().records("Account").stream().map(SampleRecord::id).collect(Collectors.toSet());
    all.removeAll(withCommit);
    assertThat(ids(f.queryAll("SELECT Id FROM Account WHERE Id NOT IN (SELECT AccountId FROM Opportunity WHERE"
        + " StageName = 'Commit')"))).isEqualTo(all);

    Set<String> withFutureMeeting = f.data().records("Event").stream()
        .filter(e -> e.getDate("ActivityDate").orElseThrow().isAfter(today))
        .map(e -> e.getString("AccountId").orElseThrow()).collect(Collectors.toSet());
    assertThat(ids(f.queryAll("SELECT Id FROM Opportunity WHERE StageName = 'Commit' AND AccountId NOT IN"
        + " (SELECT AccountId FROM Event WHERE ActivityDate > TODAY)")))
        .isEqualTo(expectedIds(o -> o.getString("StageName").orElseThrow().equals("Commit")
            && !withFutureMeeting.contains(o.getString("AccountId").orElseThrow())));
  }

  @Test
  void childSubqueriesNestTheirRowsOrAreNull() {
    List<SObjectRecord> rows = f.queryAll("SELECT Id, Name, (SELECT Id, Subject, ActivityDate FROM Events WHERE"
        + " ActivityDate > TODAY ORDER BY ActivityDate LIMIT 5) FROM Opportunity WHERE IsClosed = false");
    List<SampleRecord> events = f.data().records("Event");
    int withChildren = 0;
    for (SObjectRecord row : rows) {
      String id = row.getString("Id").orElseThrow();
      List<SampleRecord> expected = events.stream()
          .filter(e -> id.equals(e.getString("WhatId").orElse(null)))
          .filter(e -> e.getDate("ActivityDate").orElseThrow().isAfter(today))
          .sorted(Comparator.comparing(e -> e.getDate("ActivityDate").orElseThrow())).limit(5).toList();
      assertThat(row.has("Events")).isTrue();
      if (expected.isEmpty()) {
        assertThat(row.get("Events")).isEmpty();
      } else {
        withChildren++;
        QueryPage children = row.getChildren("Events").orElseThrow();
        assertThat(children.totalSize()).isEqualTo(expected.size());
        assertThat(children.done()).isTrue();
        assertThat(children.records()).extracting(r -> r.getString("Id").orElseThrow())
            .containsExactlyElementsOf(expected.stream().map(SampleRecord::id).toList());
      }
    }
    assertThat(withChildren).isPositive();
  }

  @Test
  void historyChildRelationshipsOfOpportunity() {
    SampleRecord opp = opportunities.get(3);
    SObjectRecord row = f.queryAll("SELECT Id, (SELECT StageName, CreatedDate FROM OpportunityHistories ORDER BY"
        + " CreatedDate), (SELECT Field, OldValue, NewValue FROM Histories) FROM Opportunity WHERE Id = '" + opp.id()
        + "'").get(0);
    long expected = f.data().records("OpportunityHistory").stream()
        .filter(h -> h.getString("OpportunityId").orElseThrow().equals(opp.id())).count();
    assertThat(row.getChildren("OpportunityHistories").orElseThrow().totalSize()).isEqualTo(expected);
    assertThat(row.getChildRecords("Histories")).allSatisfy(h ->
        assertThat(h.getString("Field").orElseThrow()).isIn("StageName", "Amount", "CloseDate"));
  }

  // ---------------------------------------------------------------- scope and restrictions

  @Test
  void usingScopeMineMeansOwnedByTheRunningUser() {
    String me = f.data().runningUser().id();
    Set<String> expected = f.data().records("Cleanup_Audit__c").stream()
        .filter(a -> a.getString("OwnerId").orElseThrow().equals(me)).map(SampleRecord::id)
        .collect(Collectors.toSet());
    assertThat(ids(f.queryAll("SELECT Id FROM Cleanup_Audit__c USING SCOPE mine"))).isEqualTo(expected).isNotEmpty();
    assertThat(f.queryAll("SELECT Id FROM Opportunity USING SCOPE mine")).isEmpty();
  }

  @Test
  void contentDocumentLinkNeedsAFilterOnItsIdsLikeSalesforce() {
    assertThat(queryError("SELECT Id FROM ContentDocumentLink").getMessage())
        .contains("Implementation restriction: ContentDocumentLink requires a filter");
    SampleRecord link = f.data().records("ContentDocumentLink").get(0);
    assertThat(f.queryAll("SELECT Id, ContentDocument.Title, LinkedEntity.Name FROM ContentDocumentLink WHERE"
        + " LinkedEntityId = '" + link.getString("LinkedEntityId").orElseThrow() + "'"))
        .extracting(r -> r.getString("ContentDocument.Title").orElseThrow()).contains("Call notes");
  }

  @Test
  void unknownNamesAndUnsupportedConstructsGetSalesforceErrors() {
    SalesforceApiException field = queryError("SELECT Id, Stage FROM Opportunity");
    assertThat(field.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(field.getMessage()).contains("No such column 'Stage' on entity 'Opportunity'");
    assertThat(queryError("SELECT Id FROM Opportunity WHERE Acount.Name = 'x'").getMessage())
        .contains("Didn't understand relationship 'Acount'");
    SalesforceApiException type = queryError("SELECT Id FROM Opportunities");
    assertThat(type.httpStatus()).isEqualTo(400);
    assertThat(type.errorCode()).isEqualTo("INVALID_TYPE");
    assertThat(queryError("SELECT TYPEOF What WHEN Account THEN Name END FROM Event").errorCode())
        .isEqualTo("MALFORMED_QUERY");
    assertThat(queryError("SELECT Id, (SELECT Id FROM Things) FROM Opportunity").getMessage())
        .contains("Didn't understand relationship 'Things' in FROM part of query call");
    assertThat(queryError("SELECT Id, Name, Name FROM Opportunity").getMessage())
        .contains("duplicate field selected: Name");
  }

  @Test
  void malformedQueriesPointAtTheProblem() {
    FixtureRaw raw = new FixtureRaw(f.sfGet("/services/data/v60.0/query?q=SELECT+Id+FROM+Opportunity+LIMIT+5+OFFSET"
        + "+2001"));
    assertThat(raw.code).isEqualTo(400);
    assertThat(raw.body).contains("\"errorCode\":\"NUMBER_OUTSIDE_VALID_RANGE\"");
    FixtureRaw parse = new FixtureRaw(f.sfGet("/services/data/v60.0/query?q=SELECT+Id+FORM+Opportunity"));
    assertThat(parse.code).isEqualTo(400);
    assertThat(parse.body).contains("\"errorCode\":\"MALFORMED_QUERY\"").contains("ERROR at Row:1:Column:");
  }

  /** A raw answer's code and body. */
  private record FixtureRaw(int code, String body) {
    FixtureRaw(SandboxFixture.Raw raw) {
      this(raw.code(), raw.body());
    }
  }
}
