package io.revops.mcp.doctor;

import static io.revops.mcp.fakes.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.revops.core.config.RevOpsConfig;
import io.revops.mcp.fakes.FakeClari;
import io.revops.mcp.fakes.FakeSalesforce;
import io.revops.mcp.fakes.Routes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DoctorTest {
  private final MockWebServer clari = new MockWebServer();
  private final MockWebServer salesforce = new MockWebServer();
  private final Routes clariRoutes = FakeClari.healthy();
  private final Routes salesforceRoutes = FakeSalesforce.healthy();
  private final Map<String, String> env = new HashMap<>();
  private String output;

  @BeforeEach
  void start() throws IOException {
    clari.setDispatcher(clariRoutes);
    salesforce.setDispatcher(salesforceRoutes);
    clari.start();
    salesforce.start();
    env.put("CLARI_API_TOKEN", FakeClari.TOKEN);
    env.put("CLARI_BASE_URL", clari.url("/v4").toString());
    env.put("CLARI_FORECAST_ID", FakeClari.FORECAST_ID);
    env.put("SFDC_INSTANCE_URL", salesforce.url("/").toString());
    env.put("SFDC_ACCESS_TOKEN", FakeSalesforce.TOKEN);
  }

  @AfterEach
  void stop() {
    clari.close();
    salesforce.close();
  }

  private int doctor() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Doctor.run(RevOpsConfig.fromEnvironment(env), new PrintStream(out, true, StandardCharsets.UTF_8));
    output = out.toString(StandardCharsets.UTF_8);
    assertThat(output).doesNotContain(FakeClari.TOKEN).doesNotContain(FakeSalesforce.TOKEN);
    return code;
  }

  @Test
  void aHealthySetupPassesEveryCheck() {
    assertThat(doctor()).isZero();

    assertThat(output)
        .contains("[PASS] Clari API token: accepted: 2 of 2 export slots free, 96 of 100 exports left")
        .contains("[PASS] CLARI_FORECAST_ID: 'net_arr' resolves: Q2 2026, ")
        .contains("[PASS] Salesforce access token: accepted (static access token): RevOps Integration"
            + " (integration@acme.com)")
        .contains("[PASS] API requests left today: 14,200 of 15,000 daily API requests left.")
        .contains("[PASS] Audit object Cleanup_Audit__c: has every required field")
        .contains("[PASS] Commit stage 'Commit': is an active StageName value.")
        .contains("All checks passed.")
        .doesNotContain("[FAIL]");
  }

  @Test
  void aRejectedClariTokenFailsWithTheFixAndSkipsTheForecastCheck() {
    clariRoutes.on("GET", "/v4/admin/limits", FakeClari.error(401, "no_optin", "user not opted in"));

    assertThat(doctor()).isEqualTo(1);

    assertThat(output).contains("[FAIL] Clari API token: rejected: ")
        .contains("Fix: Create a token in Clari (Settings > API Token")
        .contains("[SKIP] CLARI_FORECAST_ID: not checked")
        .contains("1 check(s) failed");
  }

  @Test
  void anUnknownForecastIdFails() {
    clariRoutes.on("GET", "/v4/forecast/" + FakeClari.FORECAST_ID,
        FakeClari.error(400, "no_such_forecast_config", "Forecast net_arr does not exist in the ForecastTemplate"));

    assertThat(doctor()).isEqualTo(1);

    assertThat(output).contains("[FAIL] CLARI_FORECAST_ID: 'net_arr' does not resolve: ")
        .contains("Fix: Set CLARI_FORECAST_ID to the Forecast Tab id");
  }

  @Test
  void theDoctorNeverStartsAnExportJob() throws InterruptedException {
    clariRoutes.on("GET", "/v4/forecast/" + FakeClari.FORECAST_ID, json(404, "{\"message\":\"no route\"}"));

    assertThat(doctor()).isZero();

    assertThat(output).contains("[WARN] CLARI_FORECAST_ID: 'net_arr' could not be confirmed without starting an"
        + " export job");
    for (int i = clari.getRequestCount(); i > 0; i--) {
      RecordedRequest request = clari.takeRequest();
      assertThat(request.getMethod()).isEqualTo("GET");
    }
  }

  @Test
  void anExpiredSalesforceTokenSaysWhichVariableToRenew() {
    salesforceRoutes.on("GET", "/services/oauth2/userinfo", json(401, "{\"error\":\"invalid_token\","
        + "\"error_description\":\"Session expired or invalid\"}"));

    assertThat(doctor()).isEqualTo(1);

    assertThat(output).contains("[FAIL] Salesforce access token: rejected: ")
        .contains("a fresh SFDC_ACCESS_TOKEN")
        .contains("[SKIP] API requests left today")
        .contains("[SKIP] Commit stage");
  }

  @Test
  void anIncompleteAuditObjectAndAnUnknownCommitStageAreNamed() {
    env.put("SFDC_COMMIT_STAGE_NAME", "Committed");
    salesforceRoutes.on("GET", FakeSalesforce.DATA + "sobjects/Cleanup_Audit__c/describe",
        json(200, FakeSalesforce.describe("Cleanup_Audit__c", "a0X", true,
            FakeSalesforce.field("Object_Name__c", "string", true, ""),
            FakeSalesforce.field("Record_Id__c", "string", true, ""))));

    assertThat(doctor()).isEqualTo(1);

    assertThat(output).contains("[FAIL] Audit object Cleanup_Audit__c: missing fields Field_Name__c, Old_Value__c,"
            + " New_Value__c, Justification__c, Performed_By__c.")
        .contains("[FAIL] Commit stage 'Committed': is not an active StageName value. The org's stages: Prospecting,"
            + " Qualification, Commit, Closed Won, Closed Lost.")
        .contains("Fix: Set SFDC_COMMIT_STAGE_NAME");
  }

  @Test
  void aMissingAuditObjectIsExplainedAndReadOnlyModeSkipsIt() {
    salesforceRoutes.on("GET", FakeSalesforce.DATA + "sobjects/Cleanup_Audit__c/describe",
        json(404, FakeSalesforce.error("NOT_FOUND", "The requested resource does not exist")));

    assertThat(doctor()).isEqualTo(1);
    assertThat(output).contains("[FAIL] Audit object Cleanup_Audit__c: does not exist, or the API user cannot see it.")
        .contains("or set SFDC_AUDIT_OBJECT");

    env.put("REVOPS_READ_ONLY", "true");
    assertThat(doctor()).isZero();
    assertThat(output).contains("[SKIP] Audit object Cleanup_Audit__c: not needed: REVOPS_READ_ONLY=true");
  }

  @Test
  void noApiRequestsLeftFails() {
    salesforceRoutes.on("GET", FakeSalesforce.DATA + "limits",
        json(200, "{\"DailyApiRequests\":{\"Max\":15000,\"Remaining\":0}}"));

    assertThat(doctor()).isEqualTo(1);

    assertThat(output).contains("[FAIL] API requests left today: 0 of 15,000 daily API requests left.");
  }

  @Test
  void anOAuthCredentialMayFetchItsTokenButNothingElseIsPosted() throws InterruptedException {
    env.remove("SFDC_ACCESS_TOKEN");
    env.put("SFDC_CLIENT_ID", "3MVG9-connected-app");
    env.put("SFDC_REFRESH_TOKEN", "5Aep861-refresh-token-never-shown");
    env.put("SFDC_LOGIN_URL", salesforce.url("/").toString());
    salesforceRoutes.on("POST", "/services/oauth2/token", json(200, "{\"access_token\":\"00Dfresh!token-never-shown\","
        + "\"instance_url\":\"" + salesforce.url("/").toString().replaceAll("/$", "") + "\",\"token_type\":\"Bearer\"}"));

    assertThat(doctor()).isZero();

    assertThat(output).contains("[PASS] Salesforce access token: accepted (OAuth refresh-token flow)")
        .doesNotContain("5Aep861-refresh-token-never-shown").doesNotContain("00Dfresh!token-never-shown");
    for (int i = salesforce.getRequestCount(); i > 0; i--) {
      RecordedRequest request = salesforce.takeRequest();
      assertThat(request.getMethod().equals("GET") || request.getUrl().encodedPath().equals("/services/oauth2/token"))
          .as(request.getMethod() + " " + request.getUrl()).isTrue();
    }
  }

  @Test
  void onlyTheConfiguredBackendIsChecked() {
    env.remove("SFDC_INSTANCE_URL");
    env.remove("SFDC_ACCESS_TOKEN");

    assertThat(doctor()).isZero();

    assertThat(output).contains("Clari (").doesNotContain("Salesforce (");
    assertThat(salesforce.getRequestCount()).isZero();
  }
}
