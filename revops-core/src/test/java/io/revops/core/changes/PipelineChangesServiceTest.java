package io.revops.core.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.revops.clari.ClariClient;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipelineChangesServiceTest {
  private static final String SF_TOKEN = "00DSECRET!sf-token-never-shown";
  private static final String CLARI_TOKEN = "clari-token-never-shown";
  private static final String ACME = opp(1);
  private static final String GLOBEX = opp(2);
  private static final String INITECH = opp(3);
  private static final String ALL_TRACKED = rows("FieldDefinition",
      "{'QualifiedApiName':'StageName'}", "{'QualifiedApiName':'Amount'}", "{'QualifiedApiName':'CloseDate'}",
      "{'QualifiedApiName':'NextStep'}");

  private final Clock clock = Clock.fixed(Instant.parse("2026-05-08T12:00:00Z"), ZoneOffset.UTC);
  private final List<String> soql = Collections.synchronizedList(new ArrayList<>());
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String opp(int n) {
    return SalesforceId.of(String.format("006000000%06d", n)).to18();
  }

  /** A query answer of {@code type} records (JSON objects written with single quotes). */
  private static String rows(String type, String... records) {
    String body = java.util.Arrays.stream(records)
        .map(record -> "{'attributes':{'type':'" + type + "'}," + record.substring(1))
        .collect(Collectors.joining(","));
    return ("{'totalSize':" + records.length + ",'done':true,'records':[" + body + "]}").replace('\'', '"');
  }

  private static String count(long n) {
    return "{\"totalSize\":" + n + ",\"done\":true,\"records\":[]}";
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  /** Answers each query by the first rule whose key the SOQL contains; records every SOQL text. */
  private void answer(Function<String, MockResponse> byQuery) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String q = request.getUrl().queryParameter("q");
        if (q == null) {
          return json(404, "[{\"message\":\"unexpected " + request.getUrl().encodedPath() + "\",\"errorCode\":\"NOT_FOUND\"}]");
        }
        soql.add(q);
        return byQuery.apply(q);
      }
    });
  }

  private SalesforceClient salesforce() {
    return SalesforceClient.builder().instanceUrl(server.url("/").toString()).accessToken(SF_TOKEN).build();
  }

  private ClariClient clari() {
    return ClariClient.builder().baseUrl(server.url("/v4").toString()).apiToken(CLARI_TOKEN).build();
  }

  private PipelineChangesService salesforceService() {
    return new PipelineChangesService(Optional.of(salesforce()), Optional.of(clari()), clock);
  }

  private static String fieldHistoryRow(String opp, String name, String field, String oldValue, String newValue,
      String at) {
    return "{'OpportunityId':'" + opp + "','Opportunity':{'attributes':{'type':'Opportunity'},'Name':'" + name + "'},"
        + "'Field':'" + field + "','OldValue':" + oldValue + ",'NewValue':" + newValue + ",'CreatedDate':'" + at
        + "','CreatedBy':{'attributes':{'type':'User'},'Name':'Ada Admin'}}";
  }

  @Test
  void readsTrackedChangesFromFieldHistoryWithTheWindowAsDatetimeBounds() {
    answer(q -> q.contains("FROM FieldDefinition") ? json(200, ALL_TRACKED)
        : json(200, rows("OpportunityFieldHistory",
            fieldHistoryRow(ACME, "Acme renewal", "StageName", "'Proposal'", "'Negotiation'", "2026-05-06T16:20:00.000+0000"),
            fieldHistoryRow(ACME, "Acme renewal", "Amount", "50000.0", "75000", "2026-05-06T16:20:00.000+0000"),
            fieldHistoryRow(GLOBEX, "Globex", "CloseDate", "'2026-06-30'", "null", "2026-05-02T08:00:00.000+0000"))));

    PipelineChanges answer = salesforceService().getPipelineChanges("2026-05-01", "2026-05-07");

    assertThat(answer).isInstanceOfSatisfying(CrmFieldChanges.class, changes -> {
      assertThat(changes.source()).isEqualTo(ChangeSource.SALESFORCE_FIELD_HISTORY);
      assertThat(changes.changes())
          .extracting(FieldChange::opportunityId, FieldChange::opportunityName, FieldChange::field,
              FieldChange::oldValue, FieldChange::newValue, FieldChange::changedAt, FieldChange::changedBy)
          .containsExactly(
              tuple(ACME, Optional.of("Acme renewal"), "StageName", Optional.of("Proposal"), Optional.of("Negotiation"),
                  Instant.parse("2026-05-06T16:20:00Z"), Optional.of("Ada Admin")),
              tuple(ACME, Optional.of("Acme renewal"), "Amount", Optional.of("50000"), Optional.of("75000"),
                  Instant.parse("2026-05-06T16:20:00Z"), Optional.of("Ada Admin")),
              tuple(GLOBEX, Optional.of("Globex"), "CloseDate", Optional.of("2026-06-30"), Optional.empty(),
                  Instant.parse("2026-05-02T08:00:00Z"), Optional.of("Ada Admin")));
      assertThat(changes.moreExist()).isFalse();
      assertThat(changes.totalInWindow()).contains(3L);
      assertThat(changes.notes()).isEmpty();
    });
    assertThat(soql).hasSize(2);
    assertThat(soql.get(0)).contains("FROM FieldDefinition", "EntityDefinition.QualifiedApiName = 'Opportunity'",
        "IsFieldHistoryTracked = true");
    assertThat(soql.get(1))
        .startsWith("SELECT OpportunityId, Opportunity.Name, Field, OldValue, NewValue, CreatedDate, CreatedBy.Name"
            + " FROM OpportunityFieldHistory")
        .contains("Field IN ('StageName', 'Amount', 'CloseDate')")
        .contains("CreatedDate >= 2026-05-01T00:00:00Z AND CreatedDate < 2026-05-08T00:00:00Z")
        .contains("ORDER BY CreatedDate DESC")
        .endsWith("LIMIT 200")
        .doesNotContain("OldValue IN", "NewValue =");
  }

  @Test
  void capsAt200AndCountsHowManyMoreExist() {
    String page = rows("OpportunityFieldHistory", IntStream.range(0, 200).mapToObj(i -> fieldHistoryRow(ACME, "Acme",
        "Amount", String.valueOf(i), String.valueOf(i + 1), "2026-05-03T10:00:00.000+0000")).toArray(String[]::new));
    answer(q -> q.contains("FROM FieldDefinition") ? json(200, ALL_TRACKED)
        : q.startsWith("SELECT COUNT()") ? json(200, count(347)) : json(200, page));

    CrmFieldChanges changes = (CrmFieldChanges) salesforceService().getPipelineChanges("2026-05-01", "2026-05-07");

    assertThat(changes.changes()).hasSize(200);
    assertThat(changes.moreExist()).isTrue();
    assertThat(changes.totalInWindow()).contains(347L);
    assertThat(changes.notes()).anySatisfy(n -> assertThat(n).contains("newest 200 of 347"));
    assertThat(soql.get(2)).isEqualTo("SELECT COUNT() FROM OpportunityFieldHistory WHERE Field IN ('StageName',"
        + " 'Amount', 'CloseDate') AND CreatedDate >= 2026-05-01T00:00:00Z AND CreatedDate < 2026-05-08T00:00:00Z");
  }

  @Test
  void aSmallerLimitIsTheQueryLimit() {
    answer(q -> q.contains("FROM FieldDefinition") ? json(200, ALL_TRACKED) : json(200, rows("OpportunityFieldHistory")));

    salesforceService().getPipelineChanges("2026-05-01", "2026-05-07", OptionalInt.of(5));

    assertThat(soql.get(1)).endsWith("LIMIT 5");
  }

  private static String snapshot(String id, String opp, String name, String stage, String amount, String prevAmount,
      String closeDate, String prevCloseDate, String at) {
    return "{'Id':'" + id + "','OpportunityId':'" + opp + "','Opportunity':{'attributes':{'type':'Opportunity'},'Name':'"
        + name + "'},'StageName':'" + stage + "','Amount':" + amount + ",'PrevAmount':" + prevAmount + ",'CloseDate':"
        + closeDate + ",'PrevCloseDate':" + prevCloseDate + ",'CreatedDate':'" + at
        + "','CreatedBy':{'attributes':{'type':'User'},'Name':'Rita Rep'}}";
  }

  @Test
  void comparesOpportunityHistorySnapshotsWhenFieldHistoryIsNotTracked() {
    String snapshots = rows("OpportunityHistory", // newest first, as the query orders them
        snapshot("008000000000006", INITECH, "Initech", "Closed Won", "9000", "8000", "'2026-05-06'", "'2026-05-31'",
            "2026-05-06T09:00:00.000+0000"),
        snapshot("008000000000005", ACME, "Acme", "Negotiation", "12000", "10000", "'2026-07-15'", "'2026-06-30'",
            "2026-05-05T15:00:00.000+0000"),
        snapshot("008000000000004", GLOBEX, "Globex", "Prospecting", "6000", "5000", "'2026-08-01'", "'2026-08-01'",
            "2026-05-04T11:00:00.000+0000"),
        snapshot("008000000000003", GLOBEX, "Globex", "Prospecting", "5000", "null", "'2026-08-01'", "null",
            "2026-05-03T10:00:00.000+0000"),
        snapshot("008000000000002", ACME, "Acme", "Proposal", "10000", "10000", "'2026-06-30'", "'2026-06-30'",
            "2026-05-02T10:00:00.000+0000"));
    String before = rows("Opportunity",
        "{'Id':'" + ACME + "','OpportunityHistories':" + rows("OpportunityHistory",
            "{'StageName':'Qualification','Amount':10000,'CloseDate':'2026-06-30','CreatedDate':'2026-04-20T10:00:00.000+0000'}")
            + "}",
        "{'Id':'" + GLOBEX + "','OpportunityHistories':null}");
    answer(q -> q.contains("FROM FieldDefinition") ? json(200, rows("FieldDefinition", "{'QualifiedApiName':'Amount'}"))
        : q.contains("FROM OpportunityHistory WHERE") ? json(200, snapshots)
        : json(200, before));

    CrmFieldChanges changes = (CrmFieldChanges) salesforceService().getPipelineChanges("2026-05-01", "2026-05-07");

    assertThat(changes.source()).isEqualTo(ChangeSource.SALESFORCE_OPPORTUNITY_HISTORY);
    assertThat(changes.changes())
        .extracting(FieldChange::opportunityName, FieldChange::field, FieldChange::oldValue, FieldChange::newValue,
            c -> c.changedAt().toString())
        .containsExactly(
            tuple(Optional.of("Initech"), "Amount", Optional.of("8000"), Optional.of("9000"), "2026-05-06T09:00:00Z"),
            tuple(Optional.of("Initech"), "CloseDate", Optional.of("2026-05-31"), Optional.of("2026-05-06"),
                "2026-05-06T09:00:00Z"),
            tuple(Optional.of("Acme"), "StageName", Optional.of("Proposal"), Optional.of("Negotiation"),
                "2026-05-05T15:00:00Z"),
            tuple(Optional.of("Acme"), "Amount", Optional.of("10000"), Optional.of("12000"), "2026-05-05T15:00:00Z"),
            tuple(Optional.of("Acme"), "CloseDate", Optional.of("2026-06-30"), Optional.of("2026-07-15"),
                "2026-05-05T15:00:00Z"),
            tuple(Optional.of("Globex"), "Amount", Optional.of("5000"), Optional.of("6000"), "2026-05-04T11:00:00Z"),
            tuple(Optional.of("Acme"), "StageName", Optional.of("Qualification"), Optional.of("Proposal"),
                "2026-05-02T10:00:00Z"));
    assertThat(changes.changes()).allSatisfy(c -> assertThat(c.changedBy()).contains("Rita Rep"));
    assertThat(changes.moreExist()).isFalse();
    assertThat(changes.totalInWindow()).contains(7L);
    assertThat(changes.notes()).anySatisfy(n -> assertThat(n).contains("StageName, CloseDate", "OpportunityHistory"));
    assertThat(soql).hasSize(3);
    assertThat(soql.get(1)).contains("FROM OpportunityHistory WHERE CreatedDate >= 2026-05-01T00:00:00Z AND"
        + " CreatedDate < 2026-05-08T00:00:00Z", "PrevAmount", "PrevCloseDate", "CreatedBy.Name");
    assertThat(soql.get(2)).contains("FROM OpportunityHistories WHERE CreatedDate < 2026-05-01T00:00:00Z ORDER BY"
        + " CreatedDate DESC LIMIT 1", "FROM Opportunity WHERE Id IN ('" + INITECH + "', '" + ACME + "', '" + GLOBEX + "')");
  }

  @Test
  void fallsBackToOpportunityHistoryWhenTrackingCannotBeRead() {
    answer(q -> q.contains("FROM FieldDefinition")
        ? json(400, "[{\"message\":\"sObject type 'FieldDefinition' is not supported.\",\"errorCode\":\"INVALID_TYPE\"}]")
        : json(200, rows("OpportunityHistory")));

    CrmFieldChanges changes = (CrmFieldChanges) salesforceService().getPipelineChanges("2026-05-01", "2026-05-07");

    assertThat(changes.source()).isEqualTo(ChangeSource.SALESFORCE_OPPORTUNITY_HISTORY);
    assertThat(changes.changes()).isEmpty();
    assertThat(changes.notes()).anySatisfy(n -> assertThat(n).contains("INVALID_TYPE"));
    assertThat(soql).hasSize(2); // no previous-snapshot query without snapshots
  }

  @Test
  void withOnlyClariTheAnswerIsClariUserActionsLabelledAsSuch() throws Exception {
    server.enqueue(json(200, """
        {"items":[{"correlationID":"c1","actorId":"42","actorType":"USER","sessionType":"WEB","event":"api.accessed",
                   "eventParameters":{"path":"/v4/export/forecast/net_arr"},"eventTimestamp":"2026-05-03T16:22:18Z"},
                  {"correlationID":"c2","actorId":"7","actorType":"JOB","event":"forecast.submitted",
                   "eventParameters":{"amount":125000.0},"eventTimestamp":"2026-05-06T09:00:00Z"}],
         "actors":[{"actorType":"USER","actorId":"42","name":"Ada Admin","email":"ada@example.com"}]}
        """));
    PipelineChangesService service = new PipelineChangesService(Optional.empty(), Optional.of(clari()), clock);

    PipelineChanges answer = service.getPipelineChanges("2026-05-01", "2026-05-07");

    assertThat(answer.source()).isEqualTo(ChangeSource.CLARI_AUDIT_LOG);
    assertThat(answer.source().description()).contains("NOT Salesforce field changes");
    assertThat(answer).isInstanceOfSatisfying(ClariUserActions.class, actions -> {
      assertThat(actions.notes().get(0)).isEqualTo(ClariUserActions.LABEL).contains("NOT Salesforce stage");
      assertThat(actions.actions()).extracting(ClariUserAction::actor, ClariUserAction::event, ClariUserAction::parameters)
          .containsExactly(
              tuple("7", "forecast.submitted", java.util.Map.of("amount", "125000")),
              tuple("Ada Admin", "api.accessed", java.util.Map.of("path", "/v4/export/forecast/net_arr")));
      assertThat(actions.moreExist()).isFalse();
    });
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v4/audit/events");
    assertThat(request.getUrl().queryParameter("dateFrom")).isEqualTo("2026-05-01T00:00:00Z");
    assertThat(request.getUrl().queryParameter("dateTo")).isEqualTo("2026-05-07T23:59:59Z");
    assertThat(request.getUrl().queryParameter("limit")).isEqualTo("201");
    assertThat(request.getUrl().queryParameter("startDate")).isNull();
  }

  @Test
  void clariSaysWhenMoreExistAndWhenTheWindowOutlivesItsRetention() {
    String items = IntStream.range(0, 4).mapToObj(i -> "{\"actorId\":\"42\",\"actorType\":\"USER\",\"event\":\"e" + i
        + "\",\"eventTimestamp\":\"2026-04-0" + (i + 1) + "T10:00:00Z\"}").collect(Collectors.joining(","));
    server.enqueue(json(200, "{\"items\":[" + items + "],\"actors\":[],\"nextLink\":\"/v4/audit/events?page=2\"}"));
    PipelineChangesService service = new PipelineChangesService(Optional.empty(), Optional.of(clari()), clock);

    ClariUserActions actions = (ClariUserActions) service.getPipelineChanges("2026-04-01", "2026-04-30", OptionalInt.of(3));

    assertThat(actions.actions()).extracting(ClariUserAction::event).containsExactly("e3", "e2", "e1");
    assertThat(actions.moreExist()).isTrue();
    assertThat(actions.notes()).anySatisfy(n -> assertThat(n).contains("30 days", "2026-04-08"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
      "2026-05-08, 2026-05-01, , startDate, on or before",
      "05/01/2026, 2026-05-07, , startDate, ISO date",
      "2026-05-01, yesterday, , endDate, ISO date",
      "2026-05-01, 2026-05-07, 0, limit, 1 to 200",
      "2026-05-01, 2026-05-07, 201, limit, 1 to 200"})
  void refusesBadInputBeforeAnyRequest(String start, String end, Integer limit, String argument, String hint) {
    OptionalInt max = limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    for (PipelineChangesService service : List.of(salesforceService(),
        new PipelineChangesService(Optional.empty(), Optional.of(clari()), clock))) {
      assertThatThrownBy(() -> service.getPipelineChanges(start, end, max))
          .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.argument()).isEqualTo(argument))
          .hasMessageContaining(hint);
      assertThatThrownBy(() -> service.planGetPipelineChanges(start, end, max)).isInstanceOf(RevOpsArgumentException.class);
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void salesforceIsTheSourceWhenBothAreConfigured() {
    answer(q -> q.contains("FROM FieldDefinition") ? json(200, ALL_TRACKED) : json(200, rows("OpportunityFieldHistory")));

    PipelineChanges answer = salesforceService().getPipelineChanges("2026-05-01", "2026-05-07");

    assertThat(answer.source()).isEqualTo(ChangeSource.SALESFORCE_FIELD_HISTORY);
    assertThat(server.getRequestCount()).isEqualTo(soql.size()); // every request was a Salesforce query
  }

  @Test
  void plansShowTheQueriesOrTheAuditRequestWithoutSending() {
    DryRunPlan salesforcePlan = salesforceService().planGetPipelineChanges("2026-05-01", "2026-05-07", OptionalInt.empty());
    DryRunPlan clariPlan = new PipelineChangesService(Optional.empty(), Optional.of(clari()), clock)
        .planGetPipelineChanges("2026-05-01", "2026-05-07", OptionalInt.of(10));

    assertThat(salesforcePlan.requests()).hasSize(3).allSatisfy(r -> assertThat(r.url()).contains("/query?q="));
    assertThat(salesforcePlan.requests().get(1).url()).contains("OpportunityFieldHistory");
    assertThat(salesforcePlan.requests().get(2).url()).contains("OpportunityHistory");
    assertThat(salesforcePlan.notes()).singleElement().satisfies(n -> assertThat(n).contains("tracking"));
    assertThat(clariPlan.requests()).singleElement().satisfies(r -> assertThat(r.url()).contains("/v4/audit/events",
        "limit=11"));
    assertThat(clariPlan.notes()).containsExactly(ClariUserActions.LABEL);
    assertThat(salesforcePlan.toString() + clariPlan).doesNotContain(SF_TOKEN, CLARI_TOKEN);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void needsAtLeastOneBackend() {
    assertThatThrownBy(() -> new PipelineChangesService(Optional.empty(), Optional.empty(), clock))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CLARI_API_TOKEN");
  }
}
