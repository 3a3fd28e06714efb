package io.revops.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.clari.ClariAuthenticationException;
import io.revops.clari.ClariCapacityException;
import io.revops.clari.ClariExportTimeoutException;
import io.revops.clari.ClariTransportException;
import io.revops.core.config.ConfigurationException;
import io.revops.salesforce.SalesforceTransportException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private static Failure describe(Throwable e) {
    return Failures.describe("get_forecast", e, Optional.empty());
  }

  @Test
  void anExportStillRunningSaysToAskAgainNotToCallJavaMethods() {
    Failure failure = describe(new ClariExportTimeoutException("job-42", Duration.ofSeconds(60), 16, "STARTED"));

    assertThat(failure.kind()).isEqualTo("clari_export_timeout");
    assertThat(failure.message()).contains("job job-42", "60 s", "still running", "CLARI_POLL_MAX_ATTEMPTS",
        "get_admin_limits").doesNotContain("awaitJob(");
  }

  @Test
  void aRejectedClariTokenNamesTheVariable() {
    Failure failure = describe(new ClariAuthenticationException("Clari GET /admin/limits failed with HTTP 401.", 401,
        null, null, null));

    assertThat(failure.kind()).isEqualTo("clari_authentication");
    assertThat(failure.message()).contains("HTTP 401", "CLARI_API_TOKEN", "restart the server", "doctor");
  }

  @Test
  void capacityAndUnreachableClariKeepTheSdkAdvice() {
    assertThat(describe(new ClariCapacityException("quota used up: wait (see getAdminLimits()).", 400,
        "export_monthly_quota_reached", null, null)).message()).contains("see get_admin_limits");
    assertThat(describe(new ClariTransportException("Connection refused.", 0, null, null, null)).message())
        .contains("CLARI_BASE_URL");
  }

  @Test
  void aWriteWhoseOutcomeIsUnknownSaysToCheckBeforeRepeating() {
    Failure failure = describe(new SalesforceTransportException(true, "POST /composite: no answer (timeout).", null));

    assertThat(failure.kind()).isEqualTo("salesforce_outcome_unknown");
    assertThat(failure.message()).contains("check the record in Salesforce before repeating a write");
  }

  @Test
  void configurationErrorsSayWhereToFixThem() {
    Failure failure = describe(new ConfigurationException("CLARI_FORECAST_ID", "is not set"));

    assertThat(failure.kind()).isEqualTo("configuration");
    assertThat(failure.message()).contains("CLARI_FORECAST_ID: is not set.", "env block");
  }

  @Test
  void timeoutsAnywhereInTheCauseChainAreTimeouts() {
    Failure failure = describe(new UncheckedIOException(new SocketTimeoutException("read timed out")));

    assertThat(failure.kind()).isEqualTo("timeout");
    assertThat(failure.message()).startsWith("get_forecast timed out").contains("Try again");
  }
}
