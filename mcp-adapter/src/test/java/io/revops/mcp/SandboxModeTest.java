package io.revops.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.core.config.ClariCredential;
import io.revops.core.config.ClariSettings;
import io.revops.core.config.ConfigurationException;
import io.revops.core.config.RevOpsConfig;
import io.revops.core.config.SalesforceCredential;
import io.revops.core.config.SalesforceSettings;
import io.revops.sandbox.Sandbox;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxModeTest {
  /** What a user who already set up the real services has in the environment. */
  private static final Map<String, String> REAL_SETUP = Map.of(
      "CLARI_API_TOKEN", "real-clari-token-4d1",
      "CLARI_FORECAST_ID", "global_forecast",
      "SFDC_INSTANCE_URL", "https://acme.my.salesforce.com",
      "SFDC_ACCESS_TOKEN", "00Dreal!session-9a2",
      "SFDC_COMMIT_STAGE_NAME", "Verbal",
      "REVOPS_READ_ONLY", "true",
      "CLARI_POLL_INTERVAL_SECONDS", "2");

  @Test
  void pointsBothBackendsAtTheSandboxWithItsNamesAndIgnoresTheRealOnes() {
    RevOpsConfig config = SandboxMode.of(REAL_SETUP, Clock.systemUTC()).placeholderConfig();

    ClariSettings clari = config.clari().orElseThrow();
    assertThat(clari.baseUrl().getHost()).isEqualTo("127.0.0.1");
    assertThat(((ClariCredential.ApiToken) clari.credential()).token().reveal()).isEqualTo(Sandbox.CLARI_API_TOKEN);
    assertThat(clari.defaultForecastId()).contains("net_arr");
    SalesforceSettings salesforce = config.salesforce().orElseThrow();
    assertThat(salesforce.instanceUrl().getHost()).isEqualTo("127.0.0.1");
    assertThat(((SalesforceCredential.StaticToken) salesforce.credential()).accessToken().reveal())
        .isEqualTo(Sandbox.SALESFORCE_ACCESS_TOKEN);
    assertThat(salesforce.commitStageName()).isEqualTo("Commit");
    assertThat(salesforce.auditObject()).isEqualTo("Cleanup_Audit__c");
  }

  @Test
  void keepsTheSettingsThatShapeTheServersBehaviour() {
    RevOpsConfig config = SandboxMode.of(REAL_SETUP, Clock.systemUTC()).placeholderConfig();

    assertThat(config.readOnly()).isTrue();
    assertThat(config.clari().orElseThrow().pollInterval()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void namesTheIgnoredVariablesButNeverTheirValues() {
    SandboxMode mode = SandboxMode.of(REAL_SETUP, Clock.systemUTC());

    assertThat(mode.ignoredVariables()).containsExactly("CLARI_API_TOKEN", "CLARI_FORECAST_ID", "SFDC_INSTANCE_URL",
        "SFDC_ACCESS_TOKEN", "SFDC_COMMIT_STAGE_NAME");
    assertThat(mode.banner()).contains("SAMPLE DATA of a fictional company", "No real Salesforce org or Clari tenant",
        "ignoring CLARI_API_TOKEN, CLARI_FORECAST_ID, SFDC_INSTANCE_URL, SFDC_ACCESS_TOKEN, SFDC_COMMIT_STAGE_NAME")
        .doesNotContain("real-clari-token-4d1", "00Dreal!session-9a2", "acme");
    assertThat(SandboxMode.of(Map.of(), Clock.systemUTC()).banner()).doesNotContain("ignoring");
  }

  @Test
  void aPinnedDayStartsTheClockAtNoonUtcThatDay() {
    SandboxMode mode = SandboxMode.of(Map.of("REVOPS_SANDBOX_TODAY", "2026-05-14"), Clock.systemUTC());

    assertThat(mode.options().clock()).isSameAs(mode.clock());
    assertThat(mode.clock().instant()).isEqualTo(Instant.parse("2026-05-14T12:00:00Z"));
  }

  @Test
  void invalidValuesAreNamedBeforeAnythingStarts() {
    assertThatThrownBy(() -> SandboxMode.of(Map.of("REVOPS_SANDBOX_TODAY", "14/05/2026"), Clock.systemUTC()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("REVOPS_SANDBOX_TODAY: is '14/05/2026', not a date")
        .hasMessageContaining("2026-05-14");
    assertThatThrownBy(() -> SandboxMode.of(Map.of("REVOPS_FORECAST_CACHE_TTL_SECONDS", "soon"), Clock.systemUTC()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("REVOPS_FORECAST_CACHE_TTL_SECONDS");
  }

  @Test
  void theConfigurationOfAStartedSandboxUsesItsUrls() {
    SandboxMode mode = SandboxMode.of(Map.of(), Clock.systemUTC());
    try (Sandbox sandbox = mode.start()) {
      RevOpsConfig config = mode.config(sandbox);

      assertThat(config.salesforce().orElseThrow().instanceUrl()).isEqualTo(URI.create(sandbox.salesforceInstanceUrl()));
      assertThat(config.clari().orElseThrow().baseUrl()).isEqualTo(URI.create(sandbox.clariBaseUrl()));
      assertThat(SandboxMode.ready(sandbox)).contains("Larkspur Systems", sandbox.salesforceInstanceUrl());
    }
  }
}
