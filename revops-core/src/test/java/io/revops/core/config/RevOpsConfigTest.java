package io.revops.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevOpsConfigTest {
  private static final String CLARI_TOKEN = "clari-secret-token-123";
  private static final String SFDC_TOKEN = "00Dxx0000000001!sfdc-secret-session";

  private static Map<String, String> both() {
    Map<String, String> env = new HashMap<>();
    env.put("CLARI_API_TOKEN", CLARI_TOKEN);
    env.put("SFDC_INSTANCE_URL", "https://acme.my.salesforce.com/");
    env.put("SFDC_ACCESS_TOKEN", SFDC_TOKEN);
    return env;
  }

  @Test
  void appliesTheDocumentedDefaults() {
    RevOpsConfig config = RevOpsConfig.fromEnvironment(both());

    ClariSettings clari = config.clari().orElseThrow();
    assertThat(clari.baseUrl()).hasToString("https://api.clari.com/v4");
    assertThat(clari.pollMaxAttempts()).isEqualTo(12);
    assertThat(clari.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(clari.syncForecast()).isTrue();
    assertThat(clari.defaultForecastId()).isEmpty();
    SalesforceSettings sfdc = config.salesforce().orElseThrow();
    assertThat(sfdc.instanceUrl()).hasToString("https://acme.my.salesforce.com");
    assertThat(sfdc.apiVersion()).isEqualTo("v60.0");
    assertThat(sfdc.auditObject()).isEqualTo("Cleanup_Audit__c");
    assertThat(sfdc.commitStageName()).isEqualTo("Commit");
    assertThat(sfdc.credential()).isEqualTo(new SalesforceCredential.StaticToken(Secret.of(SFDC_TOKEN)));
    assertThat(clari.credential()).isEqualTo(new ClariCredential.ApiToken(Secret.of(CLARI_TOKEN)));
    assertThat(config.readOnly()).isFalse();
    assertThat(config.dryRun()).isFalse();
    assertThat(config.writableFields()).isEmpty();
    assertThat(config.forecastCacheTtl()).isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void eitherBackendMayBeAbsent() {
    RevOpsConfig clariOnly = RevOpsConfig.fromEnvironment(Map.of("CLARI_API_TOKEN", CLARI_TOKEN));
    RevOpsConfig none = RevOpsConfig.fromEnvironment(Map.of("SFDC_ACCESS_TOKEN", "", "CLARI_API_TOKEN", " "));

    assertThat(clariOnly.clari()).isPresent();
    assertThat(clariOnly.salesforce()).isEmpty();
    assertThat(none.hasAnyBackend()).isFalse();
  }

  @Test
  void toStringShowsNoSecret() {
    String rendered = RevOpsConfig.fromEnvironment(both()).toString();

    assertThat(rendered).doesNotContain(CLARI_TOKEN).doesNotContain(SFDC_TOKEN).contains("***");
  }

  @Test
  void writableFieldsAreParsedAndMatchedIgnoringCase() {
    Map<String, String> env = both();
    env.put("REVOPS_WRITABLE_FIELDS", "Opportunity.NextStep, Opportunity.CloseDate,");
    RevOpsConfig config = RevOpsConfig.fromEnvironment(env);

    assertThat(config.writableFields()).extracting(FieldRef::toString)
        .containsExactlyInAnyOrder("Opportunity.NextStep", "Opportunity.CloseDate");
    assertThat(config.allowsWriteTo("opportunity", "nextstep")).isTrue();
    assertThat(config.allowsWriteTo("Opportunity", "Amount")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CLARI_POLL_MAX_ATTEMPTS | 0 | whole number from 1 to 1000",
      "CLARI_POLL_MAX_ATTEMPTS | lots | whole number",
      "CLARI_POLL_INTERVAL_SECONDS | -5 | whole number from 1 to 300",
      "CLARI_SYNC_FORECAST | maybe | set it to true or false",
      "REVOPS_READ_ONLY | ja | set it to true or false",
      "REVOPS_FORECAST_CACHE_TTL_SECONDS | 10m | whole number",
      "CLARI_BASE_URL | http://api.clari.com/v4 | plain http",
      "CLARI_BASE_URL | api.clari.com | absolute http(s) URL",
      "CLARI_FORECAST_ID | net arr/../x | Forecast Tab id",
      "SFDC_INSTANCE_URL | http://acme.my.salesforce.com | plain http",
      "SFDC_API_VERSION | 60 | API version such as v60.0",
      "SFDC_AUDIT_OBJECT | Audit | custom object API name",
      "REVOPS_WRITABLE_FIELDS | NextStep | Object.Field",
  })
  void invalidValuesFailNamingTheVariable(String variable, String value, String expected) {
    Map<String, String> env = both();
    env.put(variable, value);

    assertThatThrownBy(() -> RevOpsConfig.fromEnvironment(env))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.variable()).isEqualTo(variable))
        .hasMessageStartingWith(variable + ":")
        .hasMessageContaining(expected);
  }

  @Test
  void halfASalesforceConfigurationNamesTheMissingVariable() {
    assertThatThrownBy(() -> RevOpsConfig.fromEnvironment(Map.of("SFDC_ACCESS_TOKEN", SFDC_TOKEN)))
        .hasMessageStartingWith("SFDC_INSTANCE_URL: is not set, but SFDC_ACCESS_TOKEN is")
        .hasMessageNotContaining(SFDC_TOKEN);
    assertThatThrownBy(() -> RevOpsConfig.fromEnvironment(Map.of("SFDC_INSTANCE_URL", "https://a.my.salesforce.com")))
        .hasMessageStartingWith("SFDC_INSTANCE_URL: is set, but no Salesforce credential is")
        .hasMessageContaining("SFDC_REFRESH_TOKEN").hasMessageContaining("SFDC_JWT_KEY_FILE")
        .hasMessageContaining("SFDC_CLIENT_SECRET").hasMessageContaining("SFDC_ACCESS_TOKEN_COMMAND");
  }

  @Test
  void loopbackMayUsePlainHttp() {
    Map<String, String> env = both();
    env.put("SFDC_INSTANCE_URL", "http://127.0.0.1:8080");
    env.put("CLARI_BASE_URL", "http://localhost:9000/v4");

    RevOpsConfig config = RevOpsConfig.fromEnvironment(env);

    assertThat(config.salesforce().orElseThrow().instanceUrl()).hasToString("http://127.0.0.1:8080");
    assertThat(config.clari().orElseThrow().baseUrl()).hasToString("http://localhost:9000/v4");
  }
}
