package io.revops.clari;

import static io.revops.clari.Fixtures.JOB_ID;
import static io.revops.clari.Fixtures.TOKEN;
import static io.revops.clari.Fixtures.clariError;
import static io.revops.clari.Fixtures.json;
import static io.revops.clari.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportFlowTest {
  private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();
  private final List<ExportProgress> progress = new ArrayList<>();
  private ClariClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = clientBuilder().build();
  }

  private ClariClient.Builder clientBuilder() {
    return ClariClient.builder().baseUrl(server.url("/v4").toString()).apiToken(TOKEN)
        .clock(time).sleeper(time).fastPath(false);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ExportOptions.Builder options() {
    return ExportOptions.builder().listener(progress::add);
  }

  private static ForecastExportRequest request() {
    return ForecastExportRequest.builder("net_arr", "2026_Q2")
        .typesToExport(Set.of(ExportType.FORECAST, ExportType.QUOTA, ExportType.ADJUSTMENT))
        .scopeId("1905::MGR").currency("USD").build();
  }

  @Test
  void submitsPollsWrappedAndFlatStatusAndDownloadsTypedResults() throws Exception {
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("SCHEDULED", true));
    server.enqueue(status("STARTED", true));
    server.enqueue(status("DONE", false));
    server.enqueue(Fixtures.results());
    Instant start = time.instant();

    ForecastExport export = client.exportForecast(request(), options().build());

    RecordedRequest submit = server.takeRequest();
    assertThat(submit.getMethod()).isEqualTo("POST");
    assertThat(submit.getUrl().encodedPath()).isEqualTo("/v4/export/forecast/net_arr");
    assertThat(submit.getHeaders().get("apikey")).isEqualTo(TOKEN);
    assertThat(submit.getBody().utf8()).isEqualTo("{\"timePeriod\":\"2026_Q2\",\"typesToExport\":[\"forecast\","
        + "\"quota\",\"adjustment\"],\"scopeId\":\"1905::MGR\",\"currency\":\"USD\",\"includeHistorical\":false,"
        + "\"exportFormat\":\"JSON\",\"schedule\":\"NONE\"}");
    for (int i = 0; i < 3; i++) {
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v4/export/jobs/" + JOB_ID);
    }
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v4/export/jobs/" + JOB_ID + "/results");

    assertThat(progress).extracting(ExportProgress::status).containsExactly("SCHEDULED", "STARTED", "DONE");
    assertThat(progress).extracting(ExportProgress::attempt).containsExactly(1, 2, 3);
    assertThat(progress).extracting(ExportProgress::elapsed)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(time.elapsedSince(start)).isEqualTo(Duration.ofSeconds(3));

    ForecastEntry first = export.entries().get(0);
    assertThat(first.forecastValue()).contains(125000.5);
    assertThat(first.quotaValue()).isEmpty();
    assertThat(first.values()).containsKeys("forecastValue", "quotaValue", "adjustmentValue");
    assertThat(first.value("adjustmentValue")).contains(130000.0);
    assertThat(first.currencyCode()).contains("USD");
    assertThat(first.updated()).isTrue();
    assertThat(first.updatedOn()).contains(Instant.ofEpochMilli(1700000000000L));
    assertThat(export.entries().get(1).forecastValue()).contains(42.0);
    assertThat(export.users().get(0).name()).contains("Ada Rep");
    assertThat(export.fields().get(0).fieldName()).contains("Commit");
    assertThat(export.timePeriods().get(0).timePeriodId()).isEqualTo("2026_Q2");
    assertThat(export.timeFrames().get(0).timeFrameId()).isEqualTo("w13");
  }

  @Test
  void aSubmitWithoutATimePeriodLeavesItOutOfTheBody() throws Exception {
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("DONE", true));
    server.enqueue(Fixtures.results());

    client.exportForecast(ForecastExportRequest.builder("net_arr").build(), options().build());

    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"typesToExport\":[\"forecast\","
        + "\"forecast_updated\"],\"includeHistorical\":false,\"exportFormat\":\"JSON\",\"schedule\":\"NONE\"}");
    assertThat(ForecastExportRequest.builder("net_arr").build().timePeriod()).isEmpty();
    assertThat(ForecastExportRequest.builder("net_arr").timePeriod("2026_Q2").build())
        .isEqualTo(ForecastExportRequest.builder("net_arr", "2026_Q2").build())
        .isNotEqualTo(ForecastExportRequest.builder("net_arr").build());
  }

  @Test
  void resultsCarryTheJobTheyCameFromAndItsTruncationFlags() {
    for (boolean[] flags : new boolean[][] {{false, false}, {true, false}, {false, true}, {true, true}}) {
      server.enqueue(Fixtures.submitted());
      server.enqueue(Fixtures.truncated(flags[0], flags[1]));
      server.enqueue(Fixtures.results());

      ForecastExport export = client.exportForecast(request(), options().build());

      assertThat(export.source()).isInstanceOfSatisfying(ExportSource.JobResults.class, job -> {
        assertThat(job.jobId()).isEqualTo(JOB_ID);
        assertThat(job.job()).hasValueSatisfying(status -> assertThat(status.status()).isEqualTo(JobStatus.DONE));
        assertThat(job.rowsTruncated()).isEqualTo(flags[0]);
        assertThat(job.cellsTruncated()).isEqualTo(flags[1]);
      });
      assertThat(export.truncated()).isEqualTo(flags[0] || flags[1]);
    }
  }

  @Test
  void resultsDownloadedByIdAloneDoNotClaimToKnowTheirTruncation() throws Exception {
    server.enqueue(Fixtures.results());

    ForecastExport export = client.downloadForecastExport(JOB_ID);

    assertThat(export.source()).isEqualTo(new ExportSource.JobResults(JOB_ID, Optional.empty()));
    assertThat(export.truncated()).isFalse();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v4/export/jobs/" + JOB_ID + "/results");
  }

  @Test
  void onlyADoneJobsResultsAreDownloaded() {
    ExportJob running = new ExportJob(JOB_ID, JobStatus.STARTED, "STARTED", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, false);

    assertThatThrownBy(() -> client.downloadForecastExport(running)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("job " + JOB_ID + " is STARTED, not DONE: wait for it with waitForJob (or awaitJob) before"
            + " downloading its results.");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void failedJobStopsPollingAndNamesTheJob() {
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("STARTED", true));
    server.enqueue(status("FAILED", true));

    ClariExportFailedException failed = catchThrowableOfType(ClariExportFailedException.class,
        () -> client.exportForecast(request(), options().build()));

    assertThat(failed.jobId()).isEqualTo(JOB_ID);
    assertThat(failed.job().status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed).hasMessageContaining(JOB_ID).hasMessageContaining("FAILED");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void unknownStatusKeepsPolling() {
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("RUNNING", false));
    server.enqueue(status("DONE", false));
    server.enqueue(Fixtures.results());

    assertThat(client.exportForecast(request(), options().build()).entries()).hasSize(2);
    assertThat(progress).extracting(ExportProgress::status).containsExactly("RUNNING", "DONE");
  }

  @Test
  void timeoutCarriesJobIdAndAwaitJobResumes() {
    server.enqueue(Fixtures.submitted());
    for (int i = 0; i < 6; i++) { // early polls at 1,2,3,4 s + interval polls at 5,10 s
      server.enqueue(status("STARTED", true));
    }
    Instant start = time.instant();

    ClariExportTimeoutException timeout = catchThrowableOfType(ClariExportTimeoutException.class,
        () -> client.exportForecast(request(), options().maxAttempts(2).build()));

    assertThat(timeout.jobId()).isEqualTo(JOB_ID);
    assertThat(timeout.lastStatus()).isEqualTo("STARTED");
    assertThat(timeout).hasMessageContaining("awaitJob(\"" + JOB_ID + "\"").hasMessageContaining("cancelExportJob");
    assertThat(time.elapsedSince(start)).isEqualTo(Duration.ofSeconds(10)); // the budget: 2 x 5 s
    assertThat(server.getRequestCount()).isEqualTo(7);

    server.enqueue(status("DONE", true));
    server.enqueue(Fixtures.results());
    assertThat(client.awaitJob(timeout.jobId(), options().build()).entries()).hasSize(2);
  }

  @Test
  void cancellationTokenStopsPollingAndCancelsTheClariJob() throws Exception {
    CancellationToken token = new CancellationToken();
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("STARTED", true));
    server.enqueue(Fixtures.cancelled());

    ClariExportCancelledException cancelled = catchThrowableOfType(ClariExportCancelledException.class,
        () -> client.exportForecast(request(), ExportOptions.builder().cancellation(token)
            .listener(p -> token.cancel()).build()));

    assertThat(cancelled.jobId()).isEqualTo(JOB_ID);
    assertThat(cancelled.clariCancellation()).contains(new JobCancellation(JobStatus.CANCELLED, true));
    server.takeRequest();
    server.takeRequest();
    RecordedRequest cancel = server.takeRequest();
    assertThat(cancel.getMethod()).isEqualTo("PATCH");
    assertThat(cancel.getUrl().encodedPath()).isEqualTo("/v4/export/jobs/" + JOB_ID);
    assertThat(cancel.getBody().utf8()).isEqualTo("{\"type\":\"CANCEL\"}");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void threadInterruptCancelsTheClariJobAndKeepsTheInterruptFlag() {
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("STARTED", true));
    server.enqueue(Fixtures.cancelled());
    try {
      assertThatThrownBy(() -> client.exportForecast(request(),
          ExportOptions.builder().listener(p -> Thread.currentThread().interrupt()).build()))
          .isInstanceOf(ClariExportCancelledException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void quotaErrorIsACapacityExceptionAndSubmitIsNotRetried() {
    server.enqueue(clariError(400, "export_monthly_quota_reached",
        "The monthly quota limit of 30 or concurrent limit of 1 has been reached."));

    ClariCapacityException capacity = catchThrowableOfType(ClariCapacityException.class,
        () -> client.exportForecast(request(), options().build()));

    assertThat(capacity.httpStatus()).isEqualTo(400);
    assertThat(capacity.errorCode()).contains("export_monthly_quota_reached");
    assertThat(capacity).hasMessageContaining("The monthly quota limit of 30 or concurrent limit of 1 has been reached.");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void submitIsNeverRetriedOnGatewayErrors() {
    server.enqueue(json(503, "{\"message\":\"unavailable\"}"));

    assertThatThrownBy(() -> client.submitForecastExport(request())).isInstanceOf(ClariServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void statusGetsAreRetriedOnGatewayErrorsWithBoundedBackoff() {
    server.enqueue(json(502, ""));
    server.enqueue(json(504, ""));
    server.enqueue(status("DONE", false));

    assertThat(client.getExportJob(JOB_ID).status()).isEqualTo(JobStatus.DONE);
    assertThat(time.sleeps()).hasSize(2).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(500),
        Duration.ofSeconds(2)));
  }

  @Test
  void rateLimitWaitsRetryAfterSecondsOrTwentySeconds() {
    server.enqueue(Fixtures.submitted());
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("{}").build());
    server.enqueue(new MockResponse.Builder().code(429).body("{\"error\":\"API rate limit exceeded\"}").build());
    server.enqueue(status("DONE", true));
    server.enqueue(Fixtures.results());

    client.exportForecast(request(), options().build());

    assertThat(time.sleeps()).containsSubsequence(Duration.ofSeconds(7), Duration.ofSeconds(20));
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void rateLimitAcceptsHttpDateAndGivesUpAfterBoundedRetries() {
    String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
        .format(time.instant().plusSeconds(10).atZone(java.time.ZoneOffset.UTC));
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", inTenSeconds).body("{}").build());
    }

    ClariRateLimitException limited = catchThrowableOfType(ClariRateLimitException.class,
        () -> client.getAdminLimits());

    assertThat(time.sleeps().get(0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(limited.httpStatus()).isEqualTo(429);
  }

  @Test
  void waitsForAnExportSlotWhenTheLimitsPreCheckFindsNone() throws Exception {
    server.enqueue(json(200, "{\"jobs\":{\"concurrentLimit\":1,\"monthlyQuota\":1000,\"availableConcurrentLimit\":0,"
        + "\"availableMonthlyQuota\":900,\"runningJobIds\":[\"a1\"]}}"));
    server.enqueue(json(200, "{\"jobs\":{\"concurrentLimit\":1,\"monthlyQuota\":1000,\"availableConcurrentLimit\":1,"
        + "\"availableMonthlyQuota\":900}}"));
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("DONE", false));
    server.enqueue(Fixtures.results());

    client.exportForecast(request(), options().waitForExportSlot(true).build());

    assertThat(progress.get(0).status()).isEqualTo(ExportProgress.WAITING_FOR_SLOT);
    assertThat(progress.get(0).jobId()).isEmpty();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v4/admin/limits");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v4/admin/limits");
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
  }

  @Test
  void slotWaitIsBoundedAndFailsAsCapacity() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(json(200, "{\"exports\":{\"concurrentLimit\":1,\"monthlyQuota\":10,\"availableConcurrentLimit\":0,"
          + "\"availableMonthlyQuota\":5}}"));
    }
    assertThatThrownBy(() -> client.exportForecast(request(), options().waitForExportSlot(true).maxSlotChecks(2).build()))
        .isInstanceOf(ClariCapacityException.class).hasMessageContaining("No Clari export slot became free");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void unknownForecastIdSaysWhereToFindTheRightOne() {
    server.enqueue(clariError(400, "no_such_forecast_config",
        "Forecast deal_owner does not exist in the ForecastTemplate"));

    ClariNotFoundException notFound = catchThrowableOfType(ClariNotFoundException.class,
        () -> client.submitForecastExport(request()));

    assertThat(notFound.errorCode()).contains("no_such_forecast_config");
    assertThat(notFound.errorId()).contains("e-42");
    assertThat(notFound).hasMessageContaining("forecast id is wrong").hasMessageContaining("Forecast Tab id")
        .hasMessageContaining("net_arr").hasMessageContaining("does not exist in the ForecastTemplate");
  }

  @Test
  void badTokenIsAnAuthenticationErrorWithoutTheToken() {
    server.enqueue(json(401, "{\"message\":\"Invalid authentication credentials\"}"));

    ClariAuthenticationException auth = catchThrowableOfType(ClariAuthenticationException.class,
        () -> client.getAdminLimits());

    assertThat(auth.httpStatus()).isEqualTo(401);
    assertThat(auth).hasMessageContaining("Invalid authentication credentials").hasMessageNotContaining(TOKEN);
    assertThat(client.toString()).doesNotContain(TOKEN);
  }

  @Test
  void tokenSourceIsAskedAgainAfterA401() throws Exception {
    List<Boolean> asked = new ArrayList<>();
    ClariClient rotating = clientBuilder().tokenSource(refresh -> {
      asked.add(refresh);
      return refresh ? "fresh-token" : "stale-token";
    }).build();
    server.enqueue(json(401, "{\"message\":\"Invalid authentication credentials\"}"));
    server.enqueue(status("STARTED", false));

    assertThat(rotating.getExportJob(JOB_ID).status()).isEqualTo(JobStatus.STARTED);
    assertThat(asked).containsExactly(false, true);
    assertThat(server.takeRequest().getHeaders().get("apikey")).isEqualTo("stale-token");
    assertThat(server.takeRequest().getHeaders().get("apikey")).isEqualTo("fresh-token");
  }

  @Test
  void badArgumentsFailBeforeAnyRequest() {
    assertThatThrownBy(() -> ForecastExportRequest.builder("net_arr", "Q2-2026").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timePeriod").hasMessageContaining("2026_Q2");
    assertThatThrownBy(() -> ForecastExportRequest.builder("net_arr").timePeriod("2026-Q2").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timePeriod '2026-Q2'")
        .hasMessageContaining("left out for Clari's current quarter");
    assertThatThrownBy(() -> ForecastExportRequest.builder("net_arr", null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("timePeriod");
    assertThatThrownBy(() -> ForecastExportRequest.builder("https://app.clari.com/forecast/x", "2026_Q2").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forecastId");
    assertThatThrownBy(() -> ForecastExportRequest.builder("net_arr", "2026_Q2").currency("usd").build())
        .hasMessageContaining("currency");
    assertThatThrownBy(() -> client.getExportJob("../admin")).hasMessageContaining("jobId");
    assertThatThrownBy(() -> ExportOptions.builder().maxAttempts(0).build()).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> client.exportForecastCsv(request(), options().build())).hasMessageContaining("exportFormat");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void plainHttpIsOnlyAllowedToLoopback() {
    assertThatThrownBy(() -> ClariClient.builder().baseUrl("http://api.clari.com/v4"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThat(ClariClient.builder().baseUrl("http://localhost:8080/v4").apiToken("t").build()).isNotNull();
    assertThatThrownBy(() -> ClariClient.builder().build()).hasMessageContaining("token");
  }

  @Test
  void csvExportReturnsClarisText() {
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("DONE", true));
    server.enqueue(new MockResponse.Builder().code(200).body("User,Email\nAda,ada@example.com\n").build());

    String csv = client.exportForecastCsv(ForecastExportRequest.builder("net_arr", "2026_Q2")
        .exportFormat(ExportFormat.CSV).build(), options().build());

    assertThat(csv).startsWith("User,Email");
  }
}
