package io.revops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forecast-export against a Clari tenant named by the environment (a loopback MockWebServer), in virtual time. */
class ForecastExportCommandTest {
  static final String TOKEN = "clari-secret-token-never-print-me";
  static final String CSV = """
      User,Email,CRM User ID,Role,Parent Role,Timeframe,Field,Week,Start Day,End Day,Data Type,Data Value
      Ada Lovelace,ada@example.com,0055e000001AbcD,AE,Manager,2026_Q2,Commit,1,2026-04-01,2026-04-07,Forecast Value,120000
      Ada Lovelace,ada@example.com,0055e000001AbcD,AE,Manager,2026_Q2,Commit,1,2026-04-01,2026-04-07,Forecast Updated,true
      """;

  FakeServer clari;
  VirtualTime time = new VirtualTime(Instant.parse("2026-05-20T06:30:00Z"));

  @BeforeEach
  void start() throws Exception {
    clari = new FakeServer();
  }

  @AfterEach
  void stop() {
    clari.close();
  }

  Backends backends(String... extraVariables) {
    Map<String, String> env = new HashMap<>(Map.of("CLARI_API_TOKEN", TOKEN, "CLARI_BASE_URL", clari.url("/v4")));
    for (int i = 0; i < extraVariables.length; i += 2) {
      env.put(extraVariables[i], extraVariables[i + 1]);
    }
    return new Backends(env, () -> {
      throw new AssertionError("a tenant is configured: the sandbox must not start");
    }, time, time.sleeper());
  }

  void serveJob(String forecastId, String... statuses) {
    clari.on("GET /v4/admin/limits",
        "{\"jobs\":{\"concurrentLimit\":3,\"monthlyQuota\":1000,\"availableConcurrentLimit\":1,\"availableMonthlyQuota\":995}}");
    clari.on("POST /v4/export/forecast/" + forecastId, "{\"jobId\":\"6073683781a6da229df71e00\"}");
    String[] bodies = new String[statuses.length];
    for (int i = 0; i < statuses.length; i++) {
      bodies[i] = "{\"job\":{\"jobId\":\"6073683781a6da229df71e00\",\"status\":\"" + statuses[i] + "\"}}";
    }
    clari.on("GET /v4/export/jobs/6073683781a6da229df71e00", bodies);
    clari.on("GET /v4/export/jobs/6073683781a6da229df71e00/results",
        new mockwebserver3.MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv").body(CSV).build());
  }

  String submitBody() {
    RecordedRequest submit = clari.recorded().stream().filter(r -> r.getMethod().equals("POST")).findFirst().orElseThrow();
    return submit.getBody().string(StandardCharsets.UTF_8);
  }

  @Test
  void writesClarisCsvToStdoutWithOneProgressLinePerStatus() {
    serveJob("net_arr", "SCHEDULED", "STARTED", "STARTED", "DONE");

    try (Backends backends = backends()) {
      Cli.Result result = Cli.run(backends, "", "forecast-export", "--forecast", "net_arr", "--period", "Q2 2026");

      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).isEqualTo(CSV);
      assertThat(result.err()).startsWith("Exporting forecast net_arr for Q2 2026 from Clari at " + clari.url("/v4") + "\n")
          .containsSubsequence("Export job 6073683781a6da229df71e00: SCHEDULED (check 1,",
              "Export job 6073683781a6da229df71e00: STARTED (check 2,",
              "Export job 6073683781a6da229df71e00: DONE (check 4,")
          .endsWith("2 rows written to stdout\n");
      assertThat(result.err().lines().filter(line -> line.contains(": STARTED"))).hasSize(1);
      assertThat(result.err()).doesNotContain(TOKEN);
    }
    assertThat(submitBody()).contains("\"timePeriod\":\"2026_Q2\"", "\"exportFormat\":\"CSV\"",
        "\"typesToExport\":[\"forecast\",\"forecast_updated\"]");
  }

  @Test
  void defaultsToTheEnvironmentsForecastAndTheCurrentQuarterAndWritesTheFile(@TempDir Path dir) throws Exception {
    serveJob("renewals", "DONE");
    Path file = dir.resolve("forecast.csv");

    try (Backends backends = backends("CLARI_FORECAST_ID", "renewals")) {
      Cli.Result result = Cli.run(backends, "", "forecast-export", "--types", "forecast,quota", "-o", file.toString());

      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).endsWith("2 rows written to " + file + "\n");
    }
    assertThat(Files.readString(file)).isEqualTo(CSV);
    assertThat(submitBody()).contains("\"timePeriod\":\"2026_Q2\"", "\"typesToExport\":[\"forecast\",\"quota\"]");
  }

  @Test
  void aFailedJobExitsWithOneAndNamesTheJob() {
    serveJob("net_arr", "STARTED", "FAILED");

    try (Backends backends = backends()) {
      Cli.Result result = Cli.run(backends, "", "forecast-export", "--forecast", "net_arr", "--period", "2026_Q2");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).contains("revops-examples forecast-export: ", "6073683781a6da229df71e00", "FAILED")
          .doesNotContain("\tat ", TOKEN);
    }
  }

  @Test
  void withoutAForecastIdItSaysWhereToFindOneAndSendsNothing() {
    try (Backends backends = backends()) {
      Cli.Result result = Cli.run(backends, "", "forecast-export", "--period", "2026_Q2");

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).startsWith("--forecast is missing: pass the Forecast Tab id from the Clari forecast URL")
          .contains("CLARI_FORECAST_ID");
    }
    assertThat(clari.requests()).isEmpty();
  }

  @Test
  void aFiscalOrMalformedPeriodIsAUsageError() {
    try (Backends backends = backends()) {
      Cli.Result fiscal = Cli.run(backends, "", "forecast-export", "--forecast", "net_arr", "--period", "FY26 Q2");
      Cli.Result unknownType = Cli.run(backends, "", "forecast-export", "--forecast", "net_arr", "--types", "pipeline");

      assertThat(fiscal.exitCode()).isEqualTo(2);
      assertThat(fiscal.err()).contains("--period: 'FY26 Q2' is a fiscal label").contains("2026_Q2");
      assertThat(unknownType.exitCode()).isEqualTo(2);
      assertThat(unknownType.err()).contains("--types", "pipeline");
    }
    assertThat(clari.requests()).isEmpty();
  }

  @Test
  void helpNamesTheOptions() {
    Cli.Result result = Cli.run(Cli.noBackends(), "", "forecast-export", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: revops-examples forecast-export")
        .contains("--forecast=FORECAST_ID", "--period=QUARTER", "--types=TYPE", "--history", "-o, --output=FILE");
  }
}
