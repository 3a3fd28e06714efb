package io.revops.core.pipeline;

import static io.revops.core.query.MockSalesforceOrg.count;
import static io.revops.core.query.MockSalesforceOrg.id18;
import static io.revops.core.query.MockSalesforceOrg.opportunityDescribe;
import static io.revops.core.query.MockSalesforceOrg.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.query.MockSalesforceOrg;
import io.revops.core.salesforce.DescribeCache;
import io.revops.salesforce.soql.SoqlGuard;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StaleOppsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T15:30:00Z"), ZoneOffset.UTC);
  static final List<String> STAGES = List.of("Prospecting", "Proposal", "Negotiation", "Closed Won", "Closed Lost");
  static final String OPP_A = "006Dn00000A0001";
  static final String OPP_B = "006Dn00000A0002";
  static final String OPP_C = "006Dn00000A0003";

  MockSalesforceOrg org;

  @BeforeEach
  void start() throws Exception {
    org = new MockSalesforceOrg();
  }

  @AfterEach
  void stop() {
    org.close();
  }

  PipelineService service(SoqlGuard guard) {
    return new PipelineService(org.client(), new DescribeCache(org.client()), guard, CLOCK, "Commit", Optional.empty());
  }

  static String opp(String id, String stage, String lastStageChange, String created) {
    return "{'attributes':{'type':'Opportunity'},'Id':'" + id18(id) + "','Name':'Deal " + id.substring(12) + "',"
        + "'StageName':'" + stage + "','Amount':25000,'CloseDate':'2026-06-30',"
        + "'Owner':{'attributes':{'type':'User'},'Name':'Dana Reyes'},'CreatedDate':'" + created + "',"
        + "'LastStageChangeDate':" + (lastStageChange == null ? "null" : "'" + lastStageChange + "'") + "}";
  }

  @Test
  void aDatetimeLastStageChangeDateIsComparedWithADatetimeLiteral() throws Exception {
    org.enqueue(opportunityDescribe(STAGES, "LastStageChangeDate:datetime"));
    org.enqueue(page(
        opp(OPP_A, "Proposal", null, "2026-01-02T09:00:00.000+0000"),
        opp(OPP_B, "Negotiation", "2025-12-01T10:00:00.000+0000", "2025-10-01T09:00:00.000+0000"),
        opp(OPP_C, "Prospecting", "2026-04-10T08:00:00.000+0000", "2026-03-01T09:00:00.000+0000")));

    StaleOpportunities stale = service(SoqlGuard.defaults()).staleOpps();

    org.take();
    assertThat(org.takeSoql()).isEqualTo("SELECT Id, Name, StageName, Amount, CloseDate, Owner.Name, CreatedDate,"
        + " LastStageChangeDate FROM Opportunity WHERE IsClosed = false AND (LastStageChangeDate < 2026-04-20T15:30:00Z"
        + " OR (LastStageChangeDate = null AND CreatedDate < 2026-04-20T15:30:00Z))"
        + " ORDER BY LastStageChangeDate ASC NULLS FIRST, CreatedDate ASC LIMIT 200");
    assertThat(org.requestCount()).isEqualTo(2);
    assertThat(stale.cutoff()).isEqualTo(Instant.parse("2026-04-20T15:30:00Z"));
    assertThat(stale.totalCount()).isEqualTo(3);
    assertThat(stale.truncated()).isFalse();
    assertThat(stale.method()).contains("datetime");
    assertThat(stale.opportunities()).extracting(o -> o.id().to18()).containsExactly(id18(OPP_B), id18(OPP_A), id18(OPP_C));
    StaleOpportunity b = stale.opportunities().get(0);
    assertThat(b.stageSince()).isEqualTo(LocalDate.of(2025, 12, 1));
    assertThat(b.daysInStage()).isEqualTo(170);
    assertThat(b.source()).isEqualTo(StageChangeSource.LAST_STAGE_CHANGE_DATE);
    assertThat(b.amount()).contains(new BigDecimal("25000"));
    assertThat(b.ownerName()).contains("Dana Reyes");
    StaleOpportunity a = stale.opportunities().get(1);
    assertThat(a.source()).isEqualTo(StageChangeSource.CREATED_DATE);
    assertThat(a.stageSince()).isEqualTo(LocalDate.of(2026, 1, 2));
    assertThat(stale.opportunities().get(2).daysInStage()).isEqualTo(40);
  }

  @Test
  void aDateLastStageChangeDateIsComparedWithADateLiteral() throws Exception {
    org.enqueue(opportunityDescribe(STAGES, "LastStageChangeDate:date"));
    org.enqueue(page(opp(OPP_A, "Proposal", "2026-04-19", "2026-01-02T09:00:00.000+0000")));

    StaleOpportunities stale = service(SoqlGuard.defaults()).staleOpps(30);

    org.take();
    assertThat(org.takeSoql()).contains("WHERE IsClosed = false AND (LastStageChangeDate < 2026-04-20"
        + " OR (LastStageChangeDate = null AND CreatedDate < 2026-04-20T00:00:00Z)) ORDER BY");
    assertThat(stale.opportunities()).singleElement().satisfies(o -> {
      assertThat(o.stageSince()).isEqualTo(LocalDate.of(2026, 4, 19));
      assertThat(o.daysInStage()).isEqualTo(31);
    });
    assertThat(stale.method()).contains("a date").contains("UTC day");
  }

  @Test
  void aFullListIsCountedWithTheSameFilter() throws Exception {
    org.enqueue(opportunityDescribe(STAGES, "LastStageChangeDate:datetime"));
    org.enqueue(page(opp(OPP_A, "Proposal", "2025-01-01T00:00:00.000+0000", "2024-01-01T00:00:00.000+0000"),
        opp(OPP_B, "Proposal", "2025-02-01T00:00:00.000+0000", "2024-01-01T00:00:00.000+0000")));
    org.enqueue(count(57));

    StaleOpportunities stale = service(SoqlGuard.builder().maxLimit(2).build()).staleOpps(10);

    org.take();
    assertThat(org.takeSoql()).endsWith("LIMIT 2");
    assertThat(org.takeSoql()).isEqualTo("SELECT COUNT() FROM Opportunity WHERE IsClosed = false AND"
        + " (LastStageChangeDate < 2026-05-10T15:30:00Z OR (LastStageChangeDate = null AND CreatedDate < 2026-05-10T15:30:00Z))");
    assertThat(stale.totalCount()).isEqualTo(57);
    assertThat(stale.opportunities()).hasSize(2);
    assertThat(stale.truncated()).isTrue();
  }

  @Test
  void withoutLastStageChangeDateTheLastChangeComesFromOpportunityHistory() throws Exception {
    org.enqueue(opportunityDescribe(STAGES));
    org.enqueue(page(
        "{'attributes':{'type':'AggregateResult'},'OpportunityId':'" + id18(OPP_B) + "','lastChange':'2025-11-20T15:30:00.000+0000'}",
        "{'attributes':{'type':'AggregateResult'},'OpportunityId':'" + id18(OPP_A) + "','lastChange':'2026-03-01T00:00:00.000+0000'}"));
    org.enqueue(page(opp(OPP_A, "Proposal", null, "2026-01-02T09:00:00.000+0000"),
        opp(OPP_B, "Negotiation", null, "2025-01-02T09:00:00.000+0000")));

    StaleOpportunities stale = service(SoqlGuard.defaults()).staleOpps(30);

    org.take();
    assertThat(org.takeSoql()).isEqualTo("SELECT OpportunityId, MAX(CreatedDate) lastChange FROM OpportunityHistory"
        + " WHERE Opportunity.IsClosed = false GROUP BY OpportunityId HAVING MAX(CreatedDate) < 2026-04-20T15:30:00Z"
        + " ORDER BY MAX(CreatedDate) ASC LIMIT 200");
    assertThat(org.takeSoql()).isEqualTo("SELECT Id, Name, StageName, Amount, CloseDate, Owner.Name FROM Opportunity"
        + " WHERE IsClosed = false AND Id IN ('" + id18(OPP_B) + "', '" + id18(OPP_A) + "') LIMIT 200");
    assertThat(org.requestCount()).isEqualTo(3);
    assertThat(stale.totalCount()).isEqualTo(2);
    assertThat(stale.method()).contains("OpportunityHistory").contains("lower bound");
    assertThat(stale.opportunities()).extracting(o -> o.id().to18()).containsExactly(id18(OPP_B), id18(OPP_A));
    assertThat(stale.opportunities()).allSatisfy(o -> assertThat(o.source()).isEqualTo(StageChangeSource.OPPORTUNITY_HISTORY));
    assertThat(stale.opportunities().get(0).daysInStage()).isEqualTo(181);
    assertThat(stale.opportunities().get(0).stage()).isEqualTo("Negotiation");
  }

  @Test
  void withoutLastStageChangeDateAFullListIsCountedWithSemiJoins() throws Exception {
    org.enqueue(opportunityDescribe(STAGES));
    org.enqueue(page("{'attributes':{'type':'AggregateResult'},'OpportunityId':'" + id18(OPP_A)
        + "','lastChange':'2025-11-20T15:30:00.000+0000'}"));
    org.enqueue(page(opp(OPP_A, "Proposal", null, "2025-01-02T09:00:00.000+0000")));
    org.enqueue(count(12));

    StaleOpportunities stale = service(SoqlGuard.builder().maxLimit(1).build()).staleOpps(30);

    org.take();
    org.take();
    org.take();
    assertThat(org.takeSoql()).isEqualTo("SELECT COUNT() FROM Opportunity WHERE IsClosed = false"
        + " AND Id IN (SELECT OpportunityId FROM OpportunityHistory WHERE CreatedDate < 2026-04-20T15:30:00Z)"
        + " AND Id NOT IN (SELECT OpportunityId FROM OpportunityHistory WHERE CreatedDate >= 2026-04-20T15:30:00Z)");
    assertThat(stale.totalCount()).isEqualTo(12);
  }

  @Test
  void noHistoryRowsMeansNothingStaleAndNoDetailQuery() {
    org.enqueue(opportunityDescribe(STAGES));
    org.enqueue(page());

    StaleOpportunities stale = service(SoqlGuard.defaults()).staleOpps(30);

    assertThat(stale.opportunities()).isEmpty();
    assertThat(stale.totalCount()).isZero();
    assertThat(org.requestCount()).isEqualTo(2);
  }

  @Test
  void aThresholdOutOfRangeIsRefusedBeforeAnyRequest() {
    PipelineService service = service(SoqlGuard.defaults());

    for (int days : new int[] {0, -3, 3651}) {
      assertThatThrownBy(() -> service.staleOpps(days)).isInstanceOfSatisfying(RevOpsArgumentException.class,
          e -> assertThat(e.argument()).isEqualTo("daysInStageThreshold"));
      assertThatThrownBy(() -> service.planStaleOpps(days)).isInstanceOf(RevOpsArgumentException.class);
    }
    assertThat(org.requestCount()).isZero();
  }

  @Test
  void planNamesEachVariantAndSendsNothing() {
    DryRunPlan plan = service(SoqlGuard.defaults()).planStaleOpps(30);

    assertThat(plan.requests()).singleElement().satisfies(r -> assertThat(r.url()).endsWith("/sobjects/Opportunity/describe"));
    assertThat(plan.notes()).anyMatch(n -> n.startsWith("If it is a datetime") && n.contains("< 2026-04-20T15:30:00Z"))
        .anyMatch(n -> n.startsWith("If it is a date:") && n.contains("LastStageChangeDate < 2026-04-20 OR"))
        .anyMatch(n -> n.contains("FROM OpportunityHistory"));
    assertThat(org.requestCount()).isZero();
  }
}
