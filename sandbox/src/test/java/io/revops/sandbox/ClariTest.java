package io.revops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.clari.AuditEvent;
import io.revops.clari.AuditEventPage;
import io.revops.clari.AuditEventQuery;
import io.revops.clari.ClariAuthenticationException;
import io.revops.clari.ClariBadRequestException;
import io.revops.clari.ClariCapacityException;
import io.revops.clari.ClariClient;
import io.revops.clari.ClariNotFoundException;
import io.revops.clari.ExportFormat;
import io.revops.clari.ExportJob;
import io.revops.clari.ExportLimits;
import io.revops.clari.ExportOptions;
import io.revops.clari.ExportProgress;
import io.revops.clari.ExportType;
import io.revops.clari.ForecastEntry;
import io.revops.clari.ForecastExport;
import io.revops.clari.ForecastExportRequest;
import io.revops.clari.ForecastTimeFrame;
import io.revops.clari.ForecastUser;
import io.revops.clari.InsightField;
import io.revops.clari.JobStatus;
import io.revops.clari.OpportunityInsight;
import io.revops.clari.OpportunityInsights;
import io.revops.clari.TrendChange;
import io.revops.salesforce.SalesforceId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Clari emulation driven by the real ClariClient in virtual time. */
class ClariTest {
  private SandboxFixture f;
  private ClariSampleData clari;
  private String current;
  private String next;

  @BeforeEach
  void start() {
    f = new SandboxFixture();
    clari = f.data().clari();
    current = clari.timePeriods().get(0).timePeriodId();
    next = clari.timePeriods().get(1).timePeriodId();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private ClariClient jobsOnly() {
    return ClariClient.builder().baseUrl(f.sandbox.clariBaseUrl()).apiToken(Sandbox.CLARI_API_TOKEN).clock(f.time)
        .sleeper(f.time).fastPath(false).build();
  }

  private static ForecastExportRequest.Builder request(String forecastId, String period) {
    return ForecastExportRequest.builder(forecastId, period)
        .typesToExport(Set.of(ExportType.FORECAST, ExportType.QUOTA, ExportType.FORECAST_UPDATED));
  }

  private void assertValuesMatchTheSampleData(ForecastExport export, String forecastId, String period) {
    assertThat(export.timePeriods()).extracting(p -> p.timePeriodId()).containsExactly(period);
    assertThat(export.users()).hasSize(11);
    assertThat(export.entries()).hasSize(11 * 3);
    for (ForecastEntry entry : export.entries()) {
      BigDecimal expected = clari.latestValue(forecastId, period, entry.userId(), entry.fieldId());
      double actual = entry.fieldId().equals(ClariSampleData.QUOTA) ? entry.quotaValue().orElseThrow()
          : entry.forecastValue().orElseThrow();
      assertThat(actual).as(entry.toString()).isEqualTo(expected.doubleValue());
      assertThat(entry.currencyCode()).contains("USD");
    }
  }

  @Test
  void exportJobsMoveScheduledStartedDoneOnTheSandboxClock() {
    String jobId = f.clari.submitForecastExport(request("net_arr", current).build());
    assertThat(f.clari.getExportJob(jobId).status()).isEqualTo(JobStatus.SCHEDULED);
    f.time.advance(Duration.ofSeconds(1));
    assertThat(f.clari.getExportJob(jobId).status()).isEqualTo(JobStatus.STARTED);
    ClariBadRequestException early = catchThrowableOfType(ClariBadRequestException.class,
        () -> f.clari.downloadForecastExport(jobId));
    assertThat(early.errorCode()).contains("invalid_jobId");
    f.time.advance(Duration.ofSeconds(2));
    ExportJob done = f.clari.getExportJob(jobId);
    assertThat(done.status()).isEqualTo(JobStatus.DONE);
    assertThat(done.endTime()).contains(f.time.instant());

    ForecastExport export = f.clari.downloadForecastExport(jobId);
    assertValuesMatchTheSampleData(export, "net_arr", current);
    assertThat(export.timeFrames()).hasSize(1);
  }

  @Test
  void exportForecastPollsInVirtualTimeUntilDone() {
    List<ExportProgress> progress = new ArrayList<>();
    Instant start = f.time.instant();
    ForecastExport export = jobsOnly().exportForecast(request("renewals", next).build(),
        ExportOptions.builder().listener(progress::add).build());
    assertValuesMatchTheSampleData(export, "renewals", next);
    assertThat(progress).extracting(ExportProgress::status).endsWith("DONE").contains("STARTED");
    assertThat(Duration.between(start, f.time.instant())).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theForecastIsDerivedFromTheSalesforceOpportunities() {
    ClariSampleData.ForecastUser rep = clari.users().stream().filter(u -> u.scopeId().endsWith("::REP"))
        .findFirst().orElseThrow();
    BigDecimal commit = BigDecimal.ZERO;
    BigDecimal bestCaseOpen = BigDecimal.ZERO;
    ClariSampleData.TimePeriod period = clari.timePeriods().get(0);
    for (SampleRecord o : f.data().records("Opportunity")) {
      LocalDate close = o.getDate("CloseDate").orElseThrow();
      if (!o.getString("OwnerId").orElseThrow().equals(rep.crmId()) || close.isBefore(period.startDate())
          || close.isAfter(period.endDate())) {
        continue;
      }
      boolean open = !o.getBoolean("IsClosed").orElseThrow();
      String category = o.getString("ForecastCategoryName").orElseThrow();
      BigDecimal amount = o.getDecimal("Amount").orElseThrow();
      if (o.getBoolean("IsWon").orElseThrow() || open && category.equals("Commit")) {
        commit = commit.add(amount);
      } else if (open && category.equals("Best Case")) {
        bestCaseOpen = bestCaseOpen.add(amount);
      }
    }
    assertThat(clari.latestValue("net_arr", period.timePeriodId(), rep.userId(), ClariSampleData.COMMIT))
        .isEqualByComparingTo(commit);
    assertThat(clari.latestValue("net_arr", period.timePeriodId(), rep.userId(), ClariSampleData.BEST_CASE))
        .isEqualByComparingTo(commit.add(bestCaseOpen));
    ClariSampleData.ForecastUser cro = clari.users().get(0);
    BigDecimal sum = clari.users().stream().filter(u -> u.scopeId().endsWith("::REP"))
        .map(u -> clari.latestValue("net_arr", period.timePeriodId(), u.userId(), ClariSampleData.COMMIT))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(clari.latestValue("net_arr", period.timePeriodId(), cro.userId(), ClariSampleData.COMMIT))
        .isEqualByComparingTo(sum).isPositive();
  }

  @Test
  void theFastPathAnswersTheLatestWeekInOneRequest() {
    ForecastExport export = f.clari.exportForecast(request("net_arr", current).build(), ExportOptions.defaults());
    assertValuesMatchTheSampleData(export, "net_arr", current);
    assertThat(f.clari.getAdminLimits().submittedJobIds()).isEmpty();
  }

  @Test
  void historyReturnsEveryWeekSoFarUnordered() {
    ForecastExport export = jobsOnly().exportForecast(request("net_arr", current).includeHistorical(true).build(),
        ExportOptions.defaults());
    List<String> frames = export.timeFrames().stream().map(ForecastTimeFrame::timeFrameId).toList();
    assertThat(frames).hasSizeGreaterThan(1).doesNotHaveDuplicates().isNotEqualTo(frames.stream().sorted().toList());
    assertThat(frames.stream().sorted().toList().get(0)).isEqualTo("W01");
    String latest = frames.stream().max(Comparator.naturalOrder()).orElseThrow();
    ForecastEntry croCommit = export.entries().stream().filter(e -> e.timeFrameId().equals(latest)
        && e.userId().equals(clari.users().get(0).userId()) && e.fieldId().equals(ClariSampleData.COMMIT))
        .findFirst().orElseThrow();
    assertThat(croCommit.forecastValue()).contains(clari.latestValue("net_arr", current,
        clari.users().get(0).userId(), ClariSampleData.COMMIT).doubleValue());
  }

  @Test
  void anUnknownTimePeriodFallsBackToTheCurrentQuarterAsClariDoes() {
    ForecastExport export = f.clari.exportForecast(ForecastExportRequest.builder("net_arr", "2019_Q1").build(),
        ExportOptions.defaults());
    assertThat(export.timePeriods().get(0).timePeriodId()).isEqualTo(current);
  }

  @Test
  void aScopeLimitsTheHierarchyAndAnUnknownOneIsNotOptedIn() {
    ClariSampleData.ForecastUser east = clari.users().get(1);
    ForecastExport export = f.clari.exportForecast(request("net_arr", current).scopeId(east.scopeId()).build(),
        ExportOptions.defaults());
    assertThat(export.users()).extracting(ForecastUser::userId).hasSize(5).contains(east.userId());
    assertThat(export.users()).allSatisfy(u -> assertThat(u.userId().equals(east.userId())
        || u.parentHierarchyId().equals(Optional.of(east.hierarchyId()))).isTrue());
    ClariAuthenticationException e = catchThrowableOfType(ClariAuthenticationException.class,
        () -> f.clari.exportForecast(request("net_arr", current).scopeId("1::MGR").build(), ExportOptions.defaults()));
    assertThat(e.errorCode()).contains("no_optin");
  }

  @Test
  void unknownForecastsAndUnsupportedTypesAreRefusedWithClarisCodes() {
    ClariNotFoundException fast = catchThrowableOfType(ClariNotFoundException.class,
        () -> f.clari.exportForecast(request("deal_owner", current).build(), ExportOptions.defaults()));
    assertThat(fast.errorCode()).contains("no_such_forecast_config");
    assertThat(fast.getMessage()).contains("Forecast deal_owner does not exist in the ForecastTemplate.");
    ClariNotFoundException job = catchThrowableOfType(ClariNotFoundException.class,
        () -> f.clari.submitForecastExport(request("deal_owner", current).build()));
    assertThat(job.httpStatus()).isEqualTo(400);
    ClariBadRequestException crm = catchThrowableOfType(ClariBadRequestException.class,
        () -> f.clari.submitForecastExport(ForecastExportRequest.builder("net_arr", current)
            .typesToExport(Set.of(ExportType.CRM_TOTAL)).build()));
    assertThat(crm.errorCode()).contains("type_not_supported");
  }

  @Test
  void cancellingFreesQuotaAndAFinishedJobCannotBeCancelled() {
    String scheduled = f.clari.submitForecastExport(request("net_arr", current).build());
    assertThat(f.clari.cancelExportJob(scheduled).status()).isEqualTo(JobStatus.CANCELLED);
    String running = f.clari.submitForecastExport(request("net_arr", current).build());
    f.time.advance(Duration.ofMillis(1500));
    assertThat(f.clari.cancelExportJob(running).status()).isEqualTo(JobStatus.ABORTED);
    assertThat(f.clari.getExportJob(running).status()).isEqualTo(JobStatus.ABORTED);
    assertThat(f.clari.getAdminLimits().submittedJobIds()).isEmpty();

    String done = f.clari.submitForecastExport(request("net_arr", current).build());
    f.time.advance(Duration.ofSeconds(5));
    ClariBadRequestException e = catchThrowableOfType(ClariBadRequestException.class,
        () -> f.clari.cancelExportJob(done));
    assertThat(e.errorCode()).contains("export_failed_to_cancel");
  }

  @Test
  void theConcurrencyLimitRefusesAThirdJobUntilOneFinishes() {
    String first = f.clari.submitForecastExport(request("net_arr", current).build());
    f.time.advance(Duration.ofSeconds(1));
    f.clari.submitForecastExport(request("net_arr", next).build());
    ExportLimits limits = f.clari.getAdminLimits();
    assertThat(limits.concurrentLimit()).isEqualTo(2);
    assertThat(limits.availableConcurrentLimit()).isZero();
    assertThat(limits.runningJobIds()).containsExactly(first);
    assertThat(limits.availableMonthlyQuota()).isEqualTo(28);

    ClariCapacityException full = catchThrowableOfType(ClariCapacityException.class,
        () -> f.clari.submitForecastExport(request("renewals", current).build()));
    assertThat(full.errorCode()).contains("export_monthly_quota_reached");

    ForecastExport export = jobsOnly().exportForecast(request("renewals", current).build(),
        ExportOptions.builder().waitForExportSlot(true).build());
    assertValuesMatchTheSampleData(export, "renewals", current);
  }

  @Test
  void csvExportsFollowTheSpecsColumns() {
    String csv = f.clari.exportForecastCsv(request("net_arr", current).exportFormat(ExportFormat.CSV).build(),
        ExportOptions.defaults());
    String[] lines = csv.split("\n");
    assertThat(lines[0]).isEqualTo("User,Email,CRM User ID,Role,Parent Role,Timeframe,Field,Week,Start Day,End Day,"
        + "Data Type,Data Value");
    assertThat(lines).anyMatch(l -> l.startsWith("Dana Whitfield,") && l.contains(",Commit,")
        && l.contains("Forecast Value,\"$"));
    assertThat(lines).anyMatch(l -> l.contains(",Forecast Updated,"));
  }

  @Test
  void auditEventsPageWithNextLinkNewestFirst() {
    List<AuditEvent> events = new ArrayList<>();
    int pages = 0;
    for (AuditEventPage page : f.clari.auditEventPages(AuditEventQuery.builder().limit(50).build())) {
      events.addAll(page.events());
      pages++;
    }
    Instant now = f.time.instant();
    List<ClariSampleData.AuditEvent> expected = clari.auditEvents().stream()
        .filter(e -> !e.timestamp().isBefore(now.minus(Duration.ofDays(30)))).toList();
    assertThat(events).hasSize(expected.size());
    assertThat(pages).isEqualTo((expected.size() + 49) / 50);
    assertThat(events).extracting(e -> e.timestamp().orElseThrow())
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(events).allSatisfy(e -> assertThat(e.actorName()).isPresent());

    AuditEventPage integration = f.clari.listAuditEvents(AuditEventQuery.builder().limit(1000)
        .dateFrom(now.minus(Duration.ofDays(7))).event("api.accessed").build());
    assertThat(integration.events()).hasSize((int) expected.stream()
        .filter(e -> !e.timestamp().isBefore(now.minus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
        .count());
    assertThat(integration.nextLink()).isEmpty();

    SandboxFixture.Raw bad = f.get("/v4/audit/events?limit=0", "apikey", "k");
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.body()).startsWith("{\"errors\":[{\"code\":");
  }

  @Test
  void opportunityInsightsCoverTheSalesforceOpportunitiesInBatches() {
    List<SampleRecord> opportunities = f.data().records("Opportunity");
    List<String> ids = new ArrayList<>(opportunities.subList(0, 150).stream().map(SampleRecord::id).toList());
    String unknown = SalesforceId.of("006Sb0000009999").to18();
    ids.add(unknown);

    OpportunityInsights insights = f.clari.getOpportunityInsights(ids);
    assertThat(insights.isComplete()).isTrue();
    assertThat(insights.insights()).hasSize(150);
    assertThat(insights.insights()).extracting(OpportunityInsight::id).doesNotContain(unknown);
    Map<String, List<SampleRecord>> amountChanges = f.data().records("OpportunityFieldHistory").stream()
        .filter(h -> h.getString("Field").orElseThrow().equals("Amount"))
        .collect(Collectors.groupingBy(h -> h.getString("OpportunityId").orElseThrow()));
    boolean sawTrend = false;
    for (OpportunityInsight insight : insights.insights()) {
      ClariSampleData.DealScore score = clari.dealScore(insight.id()).orElseThrow();
      assertThat(insight.crmScore().orElseThrow().score()).isEqualTo(score.score());
      assertThat(insight.crmScore().orElseThrow().message()).isEqualTo(score.message());
      InsightField amount = insight.fields().get(0);
      assertThat(amount.id()).isEqualTo("opportunity.amount");
      List<TrendChange> trend = amount.trendHistory();
      assertThat(trend).hasSize(amountChanges.getOrDefault(insight.id(), List.of()).size());
      sawTrend |= !trend.isEmpty();
    }
    assertThat(sawTrend).isTrue();
  }

  @Test
  void scoresFollowWritesToTheOpportunity() {
    SampleRecord opp = f.data().records("Opportunity").stream()
        .filter(o -> !o.getBoolean("IsClosed").orElseThrow()).findFirst().orElseThrow();
    f.salesforce.update("Opportunity", SalesforceId.of(opp.id()), Map.of("StageName", "Closed Lost"));
    OpportunityInsight insight = f.clari.getOpportunityInsights(List.of(opp.id())).insights().get(0);
    assertThat(insight.crmScore().orElseThrow().score()).isZero();
    assertThat(insight.crmScore().orElseThrow().message()).isEqualTo("Opportunity is lost");
  }

  @Test
  void requestsWithoutAnApiKeyAreRejectedByTheGateway() {
    SandboxFixture.Raw raw = f.get("/v4/admin/limits");
    assertThat(raw.code()).isEqualTo(401);
    assertThat(raw.body()).isEqualTo("{\"message\":\"Invalid authentication credentials\"}");
    assertThat(f.get("/v4/export/forecast/list", "apikey", "k").code()).isEqualTo(404);
    SandboxFixture.Raw none = f.get("/v4/opportunity", "apikey", "k");
    assertThat(none.body()).contains("\"reaspnPhrase\":\"Bad Request\"").contains("oppId is required");
  }
}
