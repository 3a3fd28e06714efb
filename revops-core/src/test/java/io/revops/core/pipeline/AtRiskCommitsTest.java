package io.revops.core.pipeline;

import static io.revops.core.query.MockSalesforceOrg.count;
import static io.revops.core.query.MockSalesforceOrg.id18;
import static io.revops.core.query.MockSalesforceOrg.opportunityDescribe;
import static io.revops.core.query.MockSalesforceOrg.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.clari.ClariClient;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AtRiskCommitsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-20T15:30:00Z"), ZoneOffset.UTC);
  static final List<String> STAGES = List.of("Prospecting", "Proposal", "Commit", "Closed Won", "Closed Lost");
  static final String CLARI_TOKEN = "clari-secret-token-never-print";

  static final String NO_ACTIVITY = "006Dn00000R0001";
  static final String CLOSING_QUIET = "006Dn00000R0002";
  static final String BOTH = "006Dn00000R0003";
  static final String CLOSING_WITH_MEETING = "006Dn00000R0004";
  static final String ON_THE_EDGES = "006Dn00000R0005";
  static final String QUIET_ACCOUNT = "001Dn00000Q0001";
  static final String IDLE_ACCOUNT = "001Dn00000Q0002";
  static final String BUSY_ACCOUNT = "001Dn00000Q0003";

  MockSalesforceOrg org;
  MockWebServer clariServer;

  @BeforeEach
  void start() throws Exception {
    org = new MockSalesforceOrg();
    clariServer = new MockWebServer();
    clariServer.start();
  }

  @AfterEach
  void stop() {
    org.close();
    clariServer.close();
  }

  PipelineService service(String commitStage, Optional<ClariClient> clari) {
    return new PipelineService(org.client(), new DescribeCache(org.client()), SoqlGuard.defaults(), CLOCK, commitStage,
        clari);
  }

  Optional<ClariClient> clari() {
    return Optional.of(ClariClient.builder().baseUrl(clariServer.url("/v4").toString()).apiToken(CLARI_TOKEN).build());
  }

  static String opp(String id, String lastActivity, String closeDate, String accountId) {
    return "{'attributes':{'type':'Opportunity'},'Id':'" + id18(id) + "','Name':'Deal " + id.substring(12) + "',"
        + "'AccountId':" + (accountId == null ? "null" : "'" + id18(accountId) + "'") + ","
        + "'Account':" + (accountId == null ? "null" : "{'attributes':{'type':'Account'},'Name':'Account " + accountId.substring(12) + "'}") + ","
        + "'Amount':90000,'CloseDate':'" + closeDate + "',"
        + "'LastActivityDate':" + (lastActivity == null ? "null" : "'" + lastActivity + "'") + ","
        + "'Owner':{'attributes':{'type':'User'},'Name':'Dana Reyes'}}";
  }

  /** Today 2026-05-20: rule (a) wants activity before 2026-05-06; rule (b) closes 2026-06-16..2026-06-30. */
  void enqueueCandidatesAndEvents() {
    org.enqueue(opportunityDescribe(STAGES));
    org.enqueue(page(
        opp(NO_ACTIVITY, null, "2026-07-15", QUIET_ACCOUNT),
        opp(ON_THE_EDGES, "2026-05-06", "2026-06-15", IDLE_ACCOUNT),
        opp(CLOSING_QUIET, "2026-05-18", "2026-06-16", QUIET_ACCOUNT),
        opp(CLOSING_WITH_MEETING, "2026-05-19", "2026-06-25", BUSY_ACCOUNT),
        opp(BOTH, "2026-04-01", "2026-06-30", IDLE_ACCOUNT)));
    org.enqueue(page("{'attributes':{'type':'AggregateResult'},'AccountId':'" + id18(BUSY_ACCOUNT) + "'}"));
  }

  @Test
  void eachDealSaysWhichRuleFlaggedIt() throws Exception {
    enqueueCandidatesAndEvents();

    AtRiskCommits result = service("Commit", Optional.empty()).atRiskCommits("2026-06-30");

    assertThat(org.take().getUrl().encodedPath()).endsWith("/sobjects/Opportunity/describe");
    assertThat(org.takeSoql()).isEqualTo("SELECT Id, Name, AccountId, Account.Name, Amount, CloseDate, LastActivityDate,"
        + " Owner.Name FROM Opportunity WHERE IsClosed = false AND StageName = 'Commit' AND (LastActivityDate = null"
        + " OR LastActivityDate < 2026-05-06 OR (CloseDate >= 2026-06-16 AND CloseDate <= 2026-06-30))"
        + " ORDER BY CloseDate ASC, Id ASC LIMIT 200");
    assertThat(org.takeSoql()).isEqualTo("SELECT AccountId FROM Event WHERE AccountId IN ('" + id18(QUIET_ACCOUNT)
        + "', '" + id18(BUSY_ACCOUNT) + "', '" + id18(IDLE_ACCOUNT) + "') AND ((IsAllDayEvent = true AND ActivityDate >="
        + " 2026-05-20) OR (IsAllDayEvent = false AND StartDateTime > 2026-05-20T15:30:00Z)) GROUP BY AccountId LIMIT 200");
    assertThat(org.requestCount()).isEqualTo(3);

    Map<String, List<RiskRule>> rules = result.deals().stream()
        .collect(Collectors.toMap(d -> d.id().to18(), AtRiskCommit::rules));
    assertThat(rules).containsOnly(
        Map.entry(id18(NO_ACTIVITY), List.of(RiskRule.NO_RECENT_ACTIVITY)),
        Map.entry(id18(CLOSING_QUIET), List.of(RiskRule.CLOSING_WITHOUT_MEETING)),
        Map.entry(id18(BOTH), List.of(RiskRule.NO_RECENT_ACTIVITY, RiskRule.CLOSING_WITHOUT_MEETING)));
    AtRiskCommit both = deal(result, BOTH);
    assertThat(both.reasons()).containsExactly(
        "last activity on 2026-04-01, more than 14 days ago (before 2026-05-06)",
        "closes on 2026-06-30, within 14 days of the quarter end 2026-06-30, and its account has no upcoming meeting"
            + " (no Event after now)");
    assertThat(both.accountName()).contains("Account 002");
    assertThat(both.amount()).contains(new BigDecimal("90000"));
    assertThat(deal(result, NO_ACTIVITY).reasons()).containsExactly("no activity logged");
    assertThat(result.asOf()).isEqualTo(LocalDate.of(2026, 5, 20));
    assertThat(result.truncated()).isFalse();
    assertThat(result.clari().status()).isEqualTo(ClariScores.Status.NOT_CONFIGURED);
  }

  @Test
  void aDealWithoutAnAccountClosingNearQuarterEndIsFlaggedWithoutAnEventQuery() throws Exception {
    org.enqueue(opportunityDescribe(STAGES));
    org.enqueue(page(opp(CLOSING_QUIET, "2026-05-18", "2026-06-20", null)));

    AtRiskCommits result = service("Commit", Optional.empty()).atRiskCommits("2026-06-30");

    assertThat(org.requestCount()).isEqualTo(2);
    assertThat(result.deals()).singleElement().satisfies(d -> {
      assertThat(d.rules()).containsExactly(RiskRule.CLOSING_WITHOUT_MEETING);
      assertThat(d.reasons().get(0)).contains("no account");
    });
  }

  @Test
  void anUnknownCommitStageFailsListingTheOrgsStagesBeforeAnyOpportunityQuery() throws Exception {
    org.enqueue(opportunityDescribe(List.of("Prospecting", "Proposal", "Negotiation", "Closed Won")));

    assertThatThrownBy(() -> service("commit", Optional.empty()).atRiskCommits("2026-06-30"))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> {
          assertThat(e.argument()).isEqualTo("commitStageName");
          assertThat(e.problem()).contains("'commit' is not a value of Opportunity.StageName")
              .contains("'Prospecting', 'Proposal', 'Negotiation', 'Closed Won'");
          assertThat(e.fix()).contains("SFDC_COMMIT_STAGE_NAME").contains("forecast category");
        });
    assertThat(org.take().getUrl().encodedPath()).endsWith("/sobjects/Opportunity/describe");
    assertThat(org.requestCount()).isEqualTo(1);
  }

  @Test
  void aStageDifferingOnlyInCaseGetsASuggestion() {
    org.enqueue(opportunityDescribe(STAGES));

    assertThatThrownBy(() -> service("COMMIT", Optional.empty()).atRiskCommits("2026-06-30"))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.fix()).startsWith("Did you mean 'Commit'?"));
  }

  @Test
  void theCommitStageIsAnEscapedLiteral() throws Exception {
    String stage = "Rep's call \\ commit";
    org.server().enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"name\":\"Opportunity\",\"label\":\"Opportunity\",\"fields\":[{\"name\":\"StageName\","
            + "\"label\":\"Stage\",\"type\":\"picklist\",\"picklistValues\":[{\"value\":\"Rep's call \\\\ commit\","
            + "\"label\":\"Rep's call\",\"active\":true}]}]}").build());
    org.enqueue(page());

    service(stage, Optional.empty()).atRiskCommits("2026-06-30");

    org.take();
    assertThat(org.takeSoql()).contains("AND StageName = 'Rep\\'s call \\\\ commit' AND (");
  }

  @Test
  void clariScoresAreMergedFromOneBatchedCall() throws Exception {
    enqueueCandidatesAndEvents();
    clariServer.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("[{\"id\":\"" + id18(BOTH) + "\",\"crmScore\":{\"score\":23,\"message\":\"No next meeting\"},\"fields\":[]},"
            + "{\"id\":\"" + id18(NO_ACTIVITY).substring(0, 15) + "\",\"crmScore\":{\"score\":41,\"message\":\"Slipping\"},"
            + "\"fields\":[]}]").build());

    AtRiskCommits result = service("Commit", clari()).atRiskCommits("2026-06-30");

    assertThat(clariServer.getRequestCount()).isEqualTo(1);
    RecordedRequest request = clariServer.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v4/opportunity");
    assertThat(request.getUrl().queryParameterValues("oppId"))
        .containsExactly(id18(NO_ACTIVITY), id18(CLOSING_QUIET), id18(BOTH));
    assertThat(result.clari().status()).isEqualTo(ClariScores.Status.INCLUDED);
    assertThat(deal(result, BOTH).clariScore()).contains(new ClariDealScore(23, "No next meeting"));
    assertThat(deal(result, NO_ACTIVITY).clariScore()).contains(new ClariDealScore(41, "Slipping"));
    assertThat(deal(result, CLOSING_QUIET).clariScore()).isEmpty();
  }

  @Test
  void aClariFailureKeepsTheSalesforceAnswerAndSaysWhy() {
    enqueueCandidatesAndEvents();
    clariServer.enqueue(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/json")
        .body("{\"error\":\"forbidden\",\"message\":\"API token lacks the opportunity scope\"}").build());

    AtRiskCommits result = service("Commit", clari()).atRiskCommits("2026-06-30");

    assertThat(result.deals()).hasSize(3).allSatisfy(d -> assertThat(d.clariScore()).isEmpty());
    assertThat(result.clari().status()).isEqualTo(ClariScores.Status.UNAVAILABLE);
    assertThat(result.clari().reason()).hasValueSatisfying(r -> assertThat(r).contains("403").doesNotContain(CLARI_TOKEN));
  }

  @Test
  void aFullCandidateListIsCountedToSayWhetherMoreExist() throws Exception {
    org.enqueue(opportunityDescribe(STAGES));
    org.enqueue(page(opp(NO_ACTIVITY, null, "2026-07-15", QUIET_ACCOUNT)));
    org.enqueue(count(340));
    PipelineService capped = new PipelineService(org.client(), new DescribeCache(org.client()),
        SoqlGuard.builder().maxLimit(1).build(), CLOCK, "Commit", Optional.empty());

    AtRiskCommits result = capped.atRiskCommits("2026-06-30");

    org.take();
    org.take();
    assertThat(org.takeSoql()).startsWith("SELECT COUNT() FROM Opportunity WHERE IsClosed = false AND StageName = 'Commit'");
    assertThat(result.truncated()).isTrue();
  }

  @Test
  void aBadQuarterEndIsRefusedBeforeAnyRequest() {
    PipelineService service = service("Commit", clari());

    for (String bad : new String[] {"2026-06-31", "30/06/2026", "", "Q2 2026"}) {
      assertThatThrownBy(() -> service.atRiskCommits(bad)).isInstanceOfSatisfying(RevOpsArgumentException.class,
          e -> assertThat(e.argument()).isEqualTo("quarterEndDate"));
      assertThatThrownBy(() -> service.planAtRiskCommits(bad)).isInstanceOf(RevOpsArgumentException.class);
    }
    assertThatThrownBy(() -> service.atRiskCommits(null)).isInstanceOf(RevOpsArgumentException.class);
    assertThat(org.requestCount()).isZero();
    assertThat(clariServer.getRequestCount()).isZero();
  }

  @Test
  void aBlankCommitStageIsRefusedAtConstruction() {
    assertThatThrownBy(() -> service(" ", Optional.empty())).isInstanceOfSatisfying(RevOpsArgumentException.class,
        e -> assertThat(e.argument()).isEqualTo("commitStageName"));
  }

  @Test
  void planListsDescribeAndCandidatesAndExplainsTheRestWithoutSending() {
    DryRunPlan plan = service("Commit", clari()).planAtRiskCommits("2026-06-30");

    assertThat(plan.requests()).hasSize(2);
    assertThat(plan.requests().get(1).url()).contains("StageName%20%3D%20%27Commit%27");
    assertThat(plan.notes()).anyMatch(n -> n.contains("FROM Event") && n.contains("2026-06-16"))
        .anyMatch(n -> n.contains("Clari") && n.contains("GET /opportunity"));
    assertThat(plan.toString()).doesNotContain(CLARI_TOKEN).doesNotContain(MockSalesforceOrg.TOKEN);
    assertThat(org.requestCount()).isZero();
    assertThat(clariServer.getRequestCount()).isZero();
  }

  static AtRiskCommit deal(AtRiskCommits result, String id) {
    Function<AtRiskCommit, String> key = d -> d.id().to18();
    return result.deals().stream().filter(d -> key.apply(d).equals(id18(id))).findFirst().orElseThrow();
  }
}
