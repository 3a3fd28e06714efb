package io.revops.core.pipeline;

import static io.revops.core.query.MockSalesforceOrg.id18;
import static io.revops.core.query.MockSalesforceOrg.opportunityDescribe;
import static io.revops.core.query.MockSalesforceOrg.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.query.MockSalesforceOrg;
import io.revops.core.salesforce.DescribeCache;
import io.revops.salesforce.SalesforceId;
import io.revops.salesforce.soql.SoqlGuard;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipelineByStageTest {
  /** 23:30 in Los Angeles on the 19th, already the 20th in UTC: "today" must be the UTC date. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T06:30:00Z"), ZoneId.of("America/Los_Angeles"));
  static final List<String> STAGES =
      List.of("Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost");
  static final String OWNER = "005Dn00000U7h8i";

  static final String WINDOW = "SELECT StageName, COUNT(Id) recordCount, SUM(Amount) totalAmount FROM Opportunity"
      + " WHERE IsClosed = false AND CloseDate >= 2026-05-20 AND CloseDate <= 2026-08-18 GROUP BY StageName LIMIT 200";
  static final String OVERDUE = "SELECT StageName, COUNT(Id) recordCount, SUM(Amount) totalAmount FROM Opportunity"
      + " WHERE IsClosed = false AND CloseDate < 2026-05-20 GROUP BY StageName LIMIT 200";

  MockSalesforceOrg org;
  PipelineService service;

  @BeforeEach
  void start() throws Exception {
    org = new MockSalesforceOrg();
    service = new PipelineService(org.client(), new DescribeCache(org.client()), SoqlGuard.defaults(), CLOCK, "Commit",
        Optional.empty());
  }

  @AfterEach
  void stop() {
    org.close();
  }

  static String row(String stage, long count, String amount) {
    return "{'attributes':{'type':'AggregateResult'},'StageName':'" + stage + "','recordCount':" + count
        + ",'totalAmount':" + amount + "}";
  }

  void enqueueFirstCall(String... describeExtras) {
    org.enqueue(opportunityDescribe(STAGES, describeExtras));
    org.enqueue(page(row("Negotiation", 2, "500000"), row("Legacy Stage", 1, "null"), row("Prospecting", 3, "1000.50")));
    org.enqueue(page(row("Proposal", 1, "200"), row("Prospecting", 2, "300.25")));
  }

  @Test
  void stagesComeFromOneAggregateQueryInPicklistOrderWithTheOverdueLineApart() throws Exception {
    enqueueFirstCall();
    org.enqueue(page("{'attributes':{'type':'Organization'},'DefaultCurrencyIsoCode':'EUR'}"));

    PipelineByStage pipeline = service.pipelineByStage();

    assertThat(org.take().getUrl().encodedPath()).isEqualTo("/services/data/v60.0/sobjects/Opportunity/describe");
    assertThat(org.takeSoql()).isEqualTo(WINDOW);
    assertThat(org.takeSoql()).isEqualTo(OVERDUE);
    assertThat(org.takeSoql()).isEqualTo("SELECT DefaultCurrencyIsoCode FROM Organization LIMIT 200");
    assertThat(pipeline.closeDateFrom()).isEqualTo(LocalDate.of(2026, 5, 20));
    assertThat(pipeline.closeDateTo()).isEqualTo(LocalDate.of(2026, 8, 18));
    assertThat(pipeline.stages()).containsExactly(
        new StageTotal("Prospecting", 3, new BigDecimal("1000.50")),
        new StageTotal("Negotiation", 2, new BigDecimal("500000")),
        new StageTotal("Legacy Stage", 1, BigDecimal.ZERO));
    assertThat(pipeline.total()).isEqualTo(new PipelineTotal(6, new BigDecimal("501000.50")));
    assertThat(pipeline.overdue()).isEqualTo(new PipelineTotal(3, new BigDecimal("500.25")));
    assertThat(pipeline.currency().isoCode()).contains("EUR");
    assertThat(pipeline.currency().description()).contains("single-currency");
  }

  @Test
  void onceDescribedTheAggregateQueriesAreTheOnlyRequests() throws Exception {
    enqueueFirstCall();
    org.enqueue(page("{'attributes':{'type':'Organization'},'DefaultCurrencyIsoCode':'EUR'}"));
    service.pipelineByStage();
    for (int i = 0; i < 4; i++) {
      org.take();
    }
    org.enqueue(page(row("Proposal", 7000, "123456789.99")));
    org.enqueue(page());

    PipelineByStage again = service.pipelineByStage();

    assertThat(org.requestCount()).isEqualTo(6);
    assertThat(org.takeSoql()).isEqualTo(WINDOW);
    assertThat(org.takeSoql()).isEqualTo(OVERDUE);
    assertThat(again.stages()).containsExactly(new StageTotal("Proposal", 7000, new BigDecimal("123456789.99")));
    assertThat(again.overdue()).isEqualTo(PipelineTotal.NONE);
    assertThat(again.currency().isoCode()).contains("EUR");
  }

  @Test
  void ownerFilterAndWindowBoundsAreInTheQueries() throws Exception {
    enqueueFirstCall();
    org.enqueue(page("{'attributes':{'type':'Organization'},'DefaultCurrencyIsoCode':'USD'}"));

    PipelineByStage pipeline = service.pipelineByStage(1, Optional.of(OWNER));

    org.take();
    String owner = " AND OwnerId = '" + id18(OWNER) + "'";
    assertThat(org.takeSoql()).isEqualTo("SELECT StageName, COUNT(Id) recordCount, SUM(Amount) totalAmount"
        + " FROM Opportunity WHERE IsClosed = false AND CloseDate >= 2026-05-20 AND CloseDate <= 2026-05-21"
        + owner + " GROUP BY StageName LIMIT 200");
    assertThat(org.takeSoql()).isEqualTo("SELECT StageName, COUNT(Id) recordCount, SUM(Amount) totalAmount"
        + " FROM Opportunity WHERE IsClosed = false AND CloseDate < 2026-05-20" + owner + " GROUP BY StageName LIMIT 200");
    assertThat(pipeline.ownerId()).contains(SalesforceId.of(OWNER));
  }

  @Test
  void aMultiCurrencyOrgReportsItsCorporateCurrency() throws Exception {
    enqueueFirstCall("CurrencyIsoCode:picklist");
    org.enqueue(page("{'attributes':{'type':'CurrencyType'},'IsoCode':'USD'}"));

    PipelineByStage pipeline = service.pipelineByStage();

    for (int i = 0; i < 3; i++) {
      org.take();
    }
    assertThat(org.takeSoql()).isEqualTo("SELECT IsoCode FROM CurrencyType WHERE IsCorporate = true LIMIT 200");
    assertThat(pipeline.currency().isoCode()).contains("USD");
    assertThat(pipeline.currency().description()).contains("corporate currency").contains("converts");
  }

  @Test
  void anUnreadableCurrencyIsReportedWithoutLosingTheTotals() {
    enqueueFirstCall();
    org.enqueue(400, "[{'message':'sObject type Organization is not supported.','errorCode':'INVALID_TYPE'}]");

    PipelineByStage pipeline = service.pipelineByStage();

    assertThat(pipeline.stages()).hasSize(3);
    assertThat(pipeline.currency().isoCode()).isEmpty();
    assertThat(pipeline.currency().description()).contains("could not be read").contains("not supported");
  }

  @Test
  void badArgumentsAreRefusedBeforeAnyRequest() {
    assertArgument(() -> service.pipelineByStage(0, Optional.empty()), "closeDateWindowDays");
    assertArgument(() -> service.pipelineByStage(3651, Optional.empty()), "closeDateWindowDays");
    assertArgument(() -> service.pipelineByStage(90, Optional.of("006Dn00000A1b2c")), "ownerId");
    assertArgument(() -> service.pipelineByStage(90, Optional.of("005' OR Name != '")), "ownerId");
    assertArgument(() -> service.planPipelineByStage(-1, Optional.empty()), "closeDateWindowDays");
    assertThat(org.requestCount()).isZero();
  }

  @Test
  void planListsTheDescribeAndBothAggregateQueriesAndSendsNothing() {
    DryRunPlan plan = service.planPipelineByStage(3650, Optional.empty());

    assertThat(plan.requests()).hasSize(3);
    assertThat(plan.requests().get(0).url()).endsWith("/sobjects/Opportunity/describe");
    assertThat(plan.requests().get(1).url()).contains("CloseDate%20%3C%3D%202036-05-17");
    assertThat(plan.requests().get(2).url()).contains("CloseDate%20%3C%202026-05-20");
    assertThat(plan.notes()).anyMatch(n -> n.contains("StageName picklist"))
        .anyMatch(n -> n.contains("CurrencyType") && n.contains("Organization"));
    assertThat(org.requestCount()).isZero();
  }

  static void assertArgument(Runnable call, String argument) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.argument()).isEqualTo(argument));
  }
}
