package io.revops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.salesforce.SalesforceId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** deal-risk against a Clari tenant named by the environment (a loopback MockWebServer). */
class DealRiskCommandTest {
  static final String TOKEN = "clari-secret-token-never-print-me";
  static final String AT_RISK = SalesforceId.of("006Z000000EPuiy").to18();
  static final String HEALTHY = SalesforceId.of("006Z000000EPuiz").to18();
  static final String UNKNOWN = SalesforceId.of("006Z000000EPuj0").to18();

  FakeServer clari;
  Backends backends;

  @BeforeEach
  void start() throws Exception {
    clari = new FakeServer();
    VirtualTime time = new VirtualTime(Instant.parse("2026-05-20T06:30:00Z"));
    backends = new Backends(Map.of("CLARI_API_TOKEN", TOKEN, "CLARI_BASE_URL", clari.url("/v4")), () -> {
      throw new AssertionError("a tenant is configured: the sandbox must not start");
    }, time, time.sleeper());
  }

  @AfterEach
  void stop() {
    backends.close();
    clari.close();
  }

  void serveInsights() {
    clari.on("GET /v4/opportunity", "[" + insight(AT_RISK, 23, "No activity in 21 days") + ","
        + insight(HEALTHY, 87, "Strong engagement") + "]");
  }

  static String insight(String id, int score, String message) {
    return "{\"id\":\"" + id + "\",\"crmScore\":{\"score\":" + score + ",\"message\":\"" + message + "\"},"
        + "\"fields\":[{\"id\":\"opportunity.amount\",\"value\":50000,\"trend\":\"down\",\"trendHistory\":[]}]}";
  }

  @Test
  void printsEachDealsScoreAndWhyInTheOrderGiven() {
    serveInsights();

    Cli.Result result = Cli.run(backends, "", "deal-risk", HEALTHY, AT_RISK);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("""
        Opportunity         Score  Why
        ------------------  -----  ----------------------
        %s     87  Strong engagement
        %s     23  No activity in 21 days
        """.formatted(HEALTHY, AT_RISK));
    assertThat(result.err()).isEqualTo("Deal scores from Clari at " + clari.url("/v4") + "\n");
    assertThat(clari.recorded().get(0).getUrl().queryParameterValues("oppId")).containsExactly(HEALTHY, AT_RISK);
  }

  @Test
  void readsIdsFromStdinSeparatedBySpacesCommasOrLines() {
    serveInsights();

    Cli.Result result = Cli.run(backends, AT_RISK.substring(0, 15) + ", " + HEALTHY + "\n\n", "deal-risk");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains(AT_RISK + "     23", HEALTHY + "     87");
  }

  @Test
  void anIdClariDoesNotKnowIsListedOnStderrAndExitsWithOne() {
    serveInsights();

    Cli.Result result = Cli.run(backends, "", "deal-risk", AT_RISK, UNKNOWN);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains(AT_RISK).doesNotContain(UNKNOWN);
    assertThat(result.err()).contains("No score for " + UNKNOWN + ": Clari returned nothing for this opportunity");
  }

  @Test
  void malformedIdsAreAUsageErrorAndSendNothing() {
    Cli.Result result = Cli.run(backends, "", "deal-risk", AT_RISK, "0065e00000ABCDE", "hello");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("revops-examples deal-risk: opportunityIds contains 1 invalid id(s) [hello]")
        .doesNotContain("\tat ");
    assertThat(clari.requests()).isEmpty();
  }

  @Test
  void noIdsAtAllIsAUsageError() {
    Cli.Result result = Cli.run(backends, "  \n", "deal-risk");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("No opportunity ids: pass them as arguments or on stdin\n");
    assertThat(clari.requests()).isEmpty();
  }

  @Test
  void aRejectedTokenFailsWithClarisMessageAndNoToken() {
    clari.on("GET /v4/opportunity", FakeServer.json(401, "{\"message\":\"Invalid authentication credentials\"}"));

    Cli.Result result = Cli.run(backends, "", "deal-risk", AT_RISK);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("revops-examples deal-risk: ", "401").doesNotContain(TOKEN, "\tat ");
  }

  @Test
  void helpExplainsStdin() {
    Cli.Result result = Cli.run(Cli.noBackends(), "", "deal-risk", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: revops-examples deal-risk").contains("OPPORTUNITY_ID", "stdin");
  }
}
