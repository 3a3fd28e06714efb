package io.revops.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.salesforce.soql.GuardedQuery;
import io.revops.salesforce.soql.SoqlGuard;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class QueryTest extends MockSalesforce {
  static final GuardedQuery OPPS = SoqlGuard.defaults().check("SELECT Id, Name FROM Opportunity LIMIT 10");

  static String page(boolean done, String next, String... ids) {
    StringBuilder records = new StringBuilder();
    for (String id : ids) {
      records.append(records.length() == 0 ? "" : ",").append(json(
          "{'attributes':{'type':'Opportunity','url':'/services/data/v60.0/sobjects/Opportunity/" + id + "'},"
              + "'Id':'" + id + "','Name':'Deal " + id.substring(12) + "'}"));
    }
    return json("{'totalSize':5,'done':" + done + (next == null ? "" : ",'nextRecordsUrl':'" + next + "'")
        + ",'records':[") + records + "]}";
  }

  void enqueueThreePages() {
    enqueueJson(200, page(false, "/services/data/v60.0/query/01gRO0000016PIAYA2-2", "006000000000001", "006000000000002"));
    enqueueJson(200, page(false, "/services/data/v60.0/query/01gRO0000016PIAYA2-4", "006000000000003", "006000000000004"));
    enqueueJson(200, page(true, null, "006000000000005"));
  }

  @Test
  void sendsTheGuardedQueryUrlEncodedToTheQueryResource() throws Exception {
    enqueueJson(200, page(true, null, "006000000000001"));
    QueryPage page = client.query(OPPS);

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/services/data/v60.0/query");
    assertThat(request.getUrl().queryParameter("q")).isEqualTo("SELECT Id, Name FROM Opportunity LIMIT 10");
    assertThat(request.getUrl().encodedQuery()).doesNotContain(" ");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(page.done()).isTrue();
    assertThat(page.next()).isEmpty();
    assertThat(page.records()).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo("Opportunity");
      assertThat(r.id()).contains(SalesforceId.of("006000000000001"));
      assertThat(r.fields()).containsOnlyKeys("Id", "Name");
    });
  }

  @Test
  void walksThreePagesFollowingTheCursorOnTheSameInstance() throws Exception {
    enqueueThreePages();
    List<QueryPage> pages = new ArrayList<>();
    client.queryPaginator(OPPS, 100).forEach(pages::add);

    assertThat(pages).hasSize(3);
    assertThat(pages).flatMap(QueryPage::records).extracting(r -> r.id().orElseThrow().to15())
        .containsExactly("006000000000001", "006000000000002", "006000000000003", "006000000000004", "006000000000005");
    take();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/services/data/v60.0/query/01gRO0000016PIAYA2-2");
    RecordedRequest third = take();
    assertThat(third.getUrl().encodedPath()).isEqualTo("/services/data/v60.0/query/01gRO0000016PIAYA2-4");
    assertThat(third.getUrl().query()).isNull();
    assertThat(third.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void paginatorStopsFetchingAtTheRecordCap() {
    enqueueThreePages();
    QueryResult result = client.queryPaginator(OPPS, 3).collect();

    assertThat(result.records()).hasSize(3);
    assertThat(result.truncated()).isTrue();
    assertThat(result.totalSize()).isEqualTo(5);
    assertThat(server.getRequestCount()).as("third page never fetched").isEqualTo(2);
  }

  @Test
  void paginatorCollectsEverythingWhenUnderTheCap() {
    enqueueThreePages();
    QueryResult result = client.queryPaginator(OPPS, 5).collect();
    assertThat(result.records()).hasSize(5);
    assertThat(result.truncated()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void refusesForeignAbsoluteAndNonQueryCursorsBeforeAnyRequest() {
    for (String bad : List.of(
        "https://evil.example/services/data/v60.0/query/01g-2000",
        "//evil.example/services/data/v60.0/query/01g-2000",
        "/services/data/v60.0/sobjects/Opportunity/006000000000001",
        "/services/data/v60.0/query/../sobjects/User",
        "/services/data/v60.0/query/01g-2000?q=SELECT+Id+FROM+User",
        "/services/data/v60.0/queryAll/01g-2000",
        "services/data/v60.0/query/01g-2000",
        "")) {
      assertThatThrownBy(() -> client.nextPage(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void refusesAForeignNextRecordsUrlInAResponse() {
    enqueueJson(200, page(false, "https://evil.example/services/data/v60.0/query/01g-2", "006000000000001"));
    assertThatThrownBy(() -> client.queryPaginator(OPPS, 10).collect())
        .isInstanceOf(SalesforceApiException.class)
        .hasMessageContaining("cursor");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void countQueryReportsTotalSizeWithoutRecords() {
    enqueueJson(200, json("{'totalSize':42,'done':true,'records':[]}"));
    QueryPage page = client.query(SoqlGuard.defaults().check("SELECT COUNT() FROM Lead"));
    assertThat(page.totalSize()).isEqualTo(42);
    assertThat(page.records()).isEmpty();
  }

  @Test
  void aggregateRowsAreReadable() {
    enqueueJson(200, json("{'totalSize':2,'done':true,'records':["
        + "{'attributes':{'type':'AggregateResult'},'StageName':'Prospecting','expr0':3,'total':1500.50},"
        + "{'attributes':{'type':'AggregateResult'},'StageName':'Closed Won','expr0':1,'total':null}]}"));
    QueryPage page = client.query(
        SoqlGuard.defaults().check("SELECT StageName, COUNT(Id), SUM(Amount) total FROM Opportunity GROUP BY StageName LIMIT 10"));
    SObjectRecord row = page.records().get(0);
    assertThat(row.type()).isEqualTo("AggregateResult");
    assertThat(row.id()).isEmpty();
    assertThat(row.getDecimal("expr0")).contains(new BigDecimal("3"));
    assertThat(row.getDecimal("total")).contains(new BigDecimal("1500.50"));
    assertThat(page.records().get(1).getDecimal("total")).isEmpty();
    assertThat(page.records().get(1).fields()).containsOnlyKeys("StageName", "expr0");
  }

  @Test
  void typedGettersReadEverySalesforceShape() {
    enqueueJson(200, json("{'totalSize':1,'done':true,'records':[{"
        + "'attributes':{'type':'Opportunity','url':'/x'},"
        + "'Id':'006000000000001AAA','Name':'Big deal','Amount':125000.00,'CloseDate':'2026-06-30',"
        + "'LastModifiedDate':'2026-05-01T12:00:00.000+0000','IsClosed':false,'NextStep':null,"
        + "'Account':{'attributes':{'type':'Account','url':'/y'},'Name':'Acme','Owner':{'attributes':{'type':'User'},'Name':'Ana'}},"
        + "'Partner__r':null,"
        + "'OpportunityLineItems':{'totalSize':2,'done':true,'records':["
        + "  {'attributes':{'type':'OpportunityLineItem'},'Quantity':2},"
        + "  {'attributes':{'type':'OpportunityLineItem'},'Quantity':3}]},"
        + "'Tasks':null}]}"));
    SObjectRecord r = client.query(OPPS).records().get(0);

    assertThat(r.getString("Name")).contains("Big deal");
    assertThat(r.getDecimal("Amount")).contains(new BigDecimal("125000.00"));
    assertThat(r.getDate("CloseDate")).contains(LocalDate.of(2026, 6, 30));
    assertThat(r.getDateTime("LastModifiedDate"))
        .contains(OffsetDateTime.of(2026, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC));
    assertThat(r.getBoolean("IsClosed")).contains(false);
    assertThat(r.getString("NextStep")).isEmpty();
    assertThat(r.getString("NoSuchField")).isEmpty();
    assertThat(r.getParent("Account").flatMap(a -> a.getString("Name"))).contains("Acme");
    assertThat(r.getParent("Account").orElseThrow().type()).isEqualTo("Account");
    assertThat(r.getString("Account.Owner.Name")).contains("Ana");
    assertThat(r.getParent("Partner__r")).isEmpty();
    assertThat(r.getChildRecords("OpportunityLineItems")).extracting(c -> c.getDecimal("Quantity").orElseThrow())
        .containsExactly(new BigDecimal("2"), new BigDecimal("3"));
    assertThat(r.getChildren("OpportunityLineItems").orElseThrow().totalSize()).isEqualTo(2);
    assertThat(r.getChildren("Tasks")).isEmpty();
    assertThat(r.getChildRecords("Tasks")).isEmpty();
    assertThatThrownBy(() -> r.getDecimal("Name")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Opportunity.Name").hasMessageContaining("not a number");
  }

  @Test
  void fieldsListsPopulatedPlainValuesInOrderWithoutAttributesOrNulls() {
    enqueueJson(200, json("{'totalSize':1,'done':true,'records':[{"
        + "'attributes':{'type':'Opportunity'},'Id':'006000000000001AAA','Name':'Big','NextStep':null,"
        + "'Account':{'attributes':{'type':'Account'},'Name':'Acme','Industry':null},"
        + "'OpportunityLineItems':{'totalSize':1,'done':true,'records':[{'attributes':{'type':'OpportunityLineItem'},'Quantity':2}]},"
        + "'Amount':10}]}"));
    Map<String, Object> fields = client.query(OPPS).records().get(0).fields();

    assertThat(fields).containsExactly(
        Map.entry("Id", "006000000000001AAA"),
        Map.entry("Name", "Big"),
        Map.entry("Account", Map.of("Name", "Acme")),
        Map.entry("OpportunityLineItems", List.of(Map.of("Quantity", new BigDecimal("2")))),
        Map.entry("Amount", new BigDecimal("10")));
    assertThat(fields.toString()).doesNotContain("attributes");
  }

  @Test
  void dateTimesParseTolerantly() {
    enqueueJson(200, json("{'totalSize':1,'done':true,'records':[{'attributes':{'type':'Event'},"
        + "'A':'2026-05-01T12:00:00.000+0000','B':'2026-05-01T12:00:00Z','C':'2026-05-01T14:00:00+02:00',"
        + "'D':'2026-05-01T12:00:00.000Z'}]}"));
    SObjectRecord r = client.query(OPPS).records().get(0);
    for (String f : List.of("A", "B", "C", "D")) {
      assertThat(r.getDateTime(f).orElseThrow().toInstant()).as(f)
          .isEqualTo(OffsetDateTime.of(2026, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC).toInstant());
    }
    assertThat(r.getDate("A")).contains(LocalDate.of(2026, 5, 1));
  }
}
