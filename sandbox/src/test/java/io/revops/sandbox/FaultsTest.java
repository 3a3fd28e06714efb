package io.revops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.clari.ClariAuthenticationException;
import io.revops.clari.ClariCapacityException;
import io.revops.clari.ClariClient;
import io.revops.clari.ClariExportFailedException;
import io.revops.clari.ClariExportTimeoutException;
import io.revops.clari.ClariServerException;
import io.revops.clari.ExportOptions;
import io.revops.clari.ExportProgress;
import io.revops.clari.ForecastExportRequest;
import io.revops.clari.JobStatus;
import io.revops.salesforce.AccessToken;
import io.revops.salesforce.AccessTokenProvider;
import io.revops.salesforce.CompositeRequest;
import io.revops.salesforce.CompositeResponse;
import io.revops.salesforce.CompositeSubrequest;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault switch, observed through the real SDK clients. */
class FaultsTest {
  private SandboxFixture f;
  private SampleRecord opp;
  private ForecastExportRequest request;

  @BeforeEach
  void start() {
    f = new SandboxFixture();
    opp = f.data().records("Opportunity").stream().filter(o -> !o.getBoolean("IsClosed").orElseThrow())
        .findFirst().orElseThrow();
    request = ForecastExportRequest.builder("net_arr", f.data().clari().timePeriods().get(0).timePeriodId()).build();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private ClariClient jobsOnly() {
    return ClariClient.builder().baseUrl(f.sandbox.clariBaseUrl()).apiToken(Sandbox.CLARI_API_TOKEN).clock(f.time)
        .sleeper(f.time).fastPath(false).build();
  }

  @Test
  void a401MakesTheClientRefreshOnceAndRetry() {
    AtomicInteger refreshes = new AtomicInteger();
    SalesforceClient client = SalesforceClient.builder().instanceUrl(f.sandbox.salesforceInstanceUrl())
        .tokenProvider(new AccessTokenProvider() {
          private volatile AccessToken token = AccessToken.of("first");

          @Override
          public AccessToken current() {
            return token;
          }

          @Override
          public Optional<AccessToken> refresh(AccessToken rejected) {
            refreshes.incrementAndGet();
            token = AccessToken.of("second");
            return Optional.of(token);
          }
        }).build();
    f.sandbox.faults().respondNext(Service.SALESFORCE, 401);
    assertThat(client.describe("Opportunity").name()).isEqualTo("Opportunity");
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void salesforceFailuresMapToTheSdksKinds() {
    // 503 four times: the client retries a GET on 503 (RetryPolicy.DEFAULT, 4 attempts) before giving up.
    f.sandbox.faults().respondNext(Service.SALESFORCE, 401).respondNext(Service.SALESFORCE, 403)
        .respondNext(Service.SALESFORCE, 503, 4);
    assertThat(catchThrowableOfType(SalesforceApiException.class, () -> f.salesforce.limits()).kind())
        .isEqualTo(SalesforceApiException.Kind.SESSION_EXPIRED);
    SalesforceApiException limit = catchThrowableOfType(SalesforceApiException.class, () -> f.salesforce.limits());
    assertThat(limit.kind()).isEqualTo(SalesforceApiException.Kind.API_LIMIT_EXCEEDED);
    assertThat(limit.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    assertThat(catchThrowableOfType(SalesforceApiException.class, () -> f.salesforce.limits()).kind())
        .isEqualTo(SalesforceApiException.Kind.SERVER_ERROR);
    assertThat(f.salesforce.limits().dailyApiRequests()).isPresent();
  }

  @Test
  void onlyFailuresTheServiceReallyGivesCanBeAskedFor() {
    assertThatThrownBy(() -> f.sandbox.faults().respondNext(Service.SALESFORCE, 429))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("403 REQUEST_LIMIT_EXCEEDED");
    assertThatThrownBy(() -> f.sandbox.faults().respondNext(Service.CLARI, 200))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.sandbox.faults().failNextSubrequest("upd", "not a code", "m"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("errorCode");
  }

  @Test
  void aFailingSubrequestRollsBackTheAuditRowWithAllOrNone() {
    int audits = f.data().records("Cleanup_Audit__c").size();
    f.sandbox.faults().failNextSubrequest("upd");
    CompositeResponse response = f.salesforce.composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.create("audit", "Cleanup_Audit__c", Map.of("Record_Id__c", opp.id())))
        .add(CompositeSubrequest.update("upd", "Opportunity", SalesforceId.of(opp.id()), Map.of("NextStep", "x")))
        .build());
    assertThat(response.result("upd").orElseThrow().errorCode()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
    assertThat(response.result("audit").orElseThrow().errorCode()).isEqualTo("PROCESSING_HALTED");
    assertThat(f.data().records("Cleanup_Audit__c")).hasSize(audits);

    CompositeResponse again = f.salesforce.composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.update("upd", "Opportunity", SalesforceId.of(opp.id()), Map.of("NextStep", "x")))
        .build());
    assertThat(again.allSucceeded()).isTrue();
  }

  @Test
  void aFailingUpdateLeavesTheRecordAndTheAuditTrailCanMarkIt() {
    SalesforceId audit = f.salesforce.create("Cleanup_Audit__c", Map.of("Record_Id__c", opp.id(),
        "Field_Name__c", "NextStep"));
    f.sandbox.faults().failNextUpdate("Opportunity");
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class,
        () -> f.salesforce.update("Opportunity", SalesforceId.of(opp.id()), Map.of("NextStep", "changed")));
    assertThat(e.errorCode()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
    assertThat(f.data().record("Opportunity", opp.id()).orElseThrow()).isEqualTo(opp);
    f.salesforce.update("Cleanup_Audit__c", audit, Map.of("Failed__c", true, "Error__c", e.errorCode()));
    assertThat(f.data().record("Cleanup_Audit__c", audit.to18()).orElseThrow().getBoolean("Failed__c"))
        .contains(true);
    f.salesforce.update("Opportunity", SalesforceId.of(opp.id()), Map.of("NextStep", "changed"));
  }

  @Test
  void clariRateLimitIsWaitedOutAndGatewayErrorsOnReadsAreRetried() {
    f.sandbox.faults().respondNext(Service.CLARI, 429);
    Instant before = f.time.instant();
    assertThat(f.clari.getAdminLimits().concurrentLimit()).isEqualTo(2);
    assertThat(Duration.between(before, f.time.instant())).isEqualTo(Duration.ofSeconds(20));

    f.sandbox.faults().respondNext(Service.CLARI, 503, 2);
    assertThat(f.clari.getAdminLimits().monthlyQuota()).isEqualTo(30);

    f.sandbox.faults().respondNext(Service.CLARI, 503);
    ClariServerException submit = catchThrowableOfType(ClariServerException.class,
        () -> f.clari.submitForecastExport(request));
    assertThat(submit.httpStatus()).isEqualTo(503);
    assertThat(f.clari.getAdminLimits().submittedJobIds()).isEmpty();

    f.sandbox.faults().respondNext(Service.CLARI, 401);
    assertThat(catchThrowableOfType(ClariAuthenticationException.class, () -> f.clari.getAdminLimits())
        .httpStatus()).isEqualTo(401);
  }

  @Test
  void slowExportJobsOutlastThePollingBudget() {
    f.sandbox.faults().slowExportJobs(Duration.ofMinutes(10));
    ClariExportTimeoutException e = catchThrowableOfType(ClariExportTimeoutException.class,
        () -> jobsOnly().exportForecast(request, ExportOptions.builder().maxAttempts(3).build()));
    assertThat(e.lastStatus()).isEqualTo("STARTED");
    assertThat(f.clari.getExportJob(e.jobId()).status()).isEqualTo(JobStatus.STARTED);
    f.time.advance(Duration.ofMinutes(10));
    assertThat(f.clari.awaitJob(e.jobId(), ExportOptions.defaults()).entries()).isNotEmpty();
  }

  @Test
  void failedExportJobsEndFailed() {
    f.sandbox.faults().failExportJobs();
    ClariExportFailedException e = catchThrowableOfType(ClariExportFailedException.class,
        () -> jobsOnly().exportForecast(request, ExportOptions.defaults()));
    assertThat(e.job().status()).isEqualTo(JobStatus.FAILED);
  }

  @Test
  void anExhaustedQuotaRefusesSubmitsAndShowsInTheLimits() {
    f.sandbox.faults().exhaustExportQuota();
    assertThat(f.clari.getAdminLimits().availableMonthlyQuota()).isZero();
    ClariCapacityException submit = catchThrowableOfType(ClariCapacityException.class,
        () -> f.clari.submitForecastExport(request));
    assertThat(submit.errorCode()).contains("export_monthly_quota_reached");
    assertThat(submit.httpStatus()).isEqualTo(400);
    ClariCapacityException checked = catchThrowableOfType(ClariCapacityException.class,
        () -> jobsOnly().exportForecast(request, ExportOptions.builder().waitForExportSlot(true).build()));
    assertThat(checked.getMessage()).contains("monthly export quota");
    f.sandbox.faults().reset();
    assertThat(f.clari.getAdminLimits().availableMonthlyQuota()).isEqualTo(30);
  }

  @Test
  void withoutTheFastPathTheClientFallsBackToAnExportJob() {
    f.sandbox.faults().rejectForecastFastPath();
    List<ExportProgress> progress = new ArrayList<>();
    f.clari.exportForecast(request, ExportOptions.builder().listener(progress::add).build());
    assertThat(progress).extracting(ExportProgress::status).contains("DONE");
    assertThat(f.clari.getAdminLimits().submittedJobIds()).hasSize(1);
  }
}
