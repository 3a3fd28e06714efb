package io.revops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.clari.Sleeper;
import io.revops.sandbox.ClariSampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forecast-export against the sandbox (export jobs in virtual time), and its argument checks. */
class ForecastExportCommandTest {
  static final String HEADER =
      "User,Email,CRM User ID,Role,Parent Role,Timeframe,Field,Week,Start Day,End Day,Data Type,Data Value";

  SampleBackends sample;

  @BeforeEach
  void start() {
    sample = new SampleBackends();
  }

  @AfterEach
  void stop() {
    sample.close();
  }

  /** The sample tenant's Commit call of {@code user} in the latest week, as Clari's CSV spells it. */
  String commitCell(String forecastId, String period, ClariSampleData.ForecastUser user) {
    DecimalFormat money = new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    String value = money.format(sample.sandbox.data().clari().latestValue(forecastId, period, user.userId(),
        ClariSampleData.COMMIT));
    return ",Forecast Value," + (value.contains(",") ? "\"" + value + "\"" : value);
  }

  @Test
  void exportsTheCurrentQuarterOfTheSandboxForecastToStdoutShowingEachJobStatus() {
    Cli.Result result = Cli.run(sample.backends, "", "forecast-export");

    assertThat(result.exitCode()).isZero();
    List<String> rows = result.out().lines().toList();
    assertThat(rows.get(0)).isEqualTo(HEADER);
    for (ClariSampleData.ForecastUser user : sample.sandbox.data().clari().users()) {
      assertThat(rows).as("the Commit row of %s", user.name())
          .anyMatch(row -> row.startsWith(user.name() + "," + user.email() + ",") && row.contains(",Commit,")
              && row.endsWith(commitCell("net_arr", "2026_Q2", user)));
    }
    assertThat(result.err())
        .startsWith("Exporting forecast net_arr for Q2 2026 from the built-in sandbox (sample data of Larkspur Systems;")
        .containsSubsequence(": SCHEDULED (check 1, ", ": STARTED (check ", ": DONE (check ")
        .endsWith(String.format(Locale.ROOT, "%,d rows written to stdout%n", rows.size() - 1));
    assertThat(result.err().lines().filter(line -> line.contains(": STARTED ("))).as("one line per status").hasSize(1);
  }

  @Test
  void writesTheNamedForecastPeriodAndTypesToAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("renewals.csv");

    Cli.Result result = Cli.run(sample.backends, "", "forecast-export", "--forecast", "renewals", "--period",
        "Q3 2026", "--types", "forecast", "-o", file.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    List<String> rows = Files.readAllLines(file);
    assertThat(rows.get(0)).isEqualTo(HEADER);
    assertThat(rows.subList(1, rows.size())).isNotEmpty()
        .allMatch(row -> row.contains(",Forecast Value,"), "only forecast values (no forecast_updated rows)");
    ClariSampleData.ForecastUser someone = sample.sandbox.data().clari().users().get(0);
    assertThat(rows).anyMatch(row -> row.startsWith(someone.name() + ",") && row.contains(",Commit,")
        && row.endsWith(commitCell("renewals", "2026_Q3", someone)));
    assertThat(result.err()).endsWith(String.format(Locale.ROOT, "%,d rows written to %s%n", rows.size() - 1, file));
  }

  @Test
  void aFailedJobExitsWithOneAndNamesTheJob() {
    sample.sandbox.faults().failExportJobs();

    Cli.Result result = Cli.run(sample.backends, "", "forecast-export");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("revops-examples forecast-export: ", "FAILED").doesNotContain("\tat ");
  }

  @Test
  void aUsedUpQuotaSaysSoWithoutStartingAJob() {
    sample.sandbox.faults().exhaustExportQuota();

    Cli.Result result = Cli.run(sample.backends, "", "forecast-export");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("revops-examples forecast-export: ", "quota").doesNotContain("\tat ");
  }

  @Test
  void withoutAForecastIdForARealTenantItSaysWhereToFindOneAndSendsNothing() throws Exception {
    try (FakeServer clari = new FakeServer();
        Backends tenant = new Backends(Map.of("CLARI_API_TOKEN", "secret", "CLARI_BASE_URL", clari.url("/v4")), () -> {
          throw new AssertionError("a tenant is configured: the sandbox must not start");
        }, Clock.systemUTC(), Sleeper.system())) {
      Cli.Result result = Cli.run(tenant, "", "forecast-export", "--period", "2026_Q2");

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).startsWith("--forecast is missing: pass the Forecast Tab id from the Clari forecast URL")
          .contains("CLARI_FORECAST_ID");
      assertThat(clari.requests()).isEmpty();
    }
  }

  @Test
  void anUnwritableOutputIsRefusedBeforeAnyExport(@TempDir Path dir) {
    Path file = dir.resolve("no-such-directory").resolve("forecast.csv");

    Cli.Result result = Cli.run(sample.backends, "", "forecast-export", "-o", file.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("--output " + file + " cannot be written: its directory does not exist");
    assertThat(result.err()).as("no export was started").doesNotContain("Exporting forecast", "Export job");
  }

  @Test
  void aFiscalPeriodOrAnUnknownTypeIsAUsageError() {
    Cli.Result fiscal = Cli.run(Cli.noBackends(), "", "forecast-export", "--period", "FY26 Q2");
    Cli.Result unknownType = Cli.run(Cli.noBackends(), "", "forecast-export", "--types", "pipeline");

    assertThat(fiscal.exitCode()).isEqualTo(2);
    assertThat(fiscal.err()).contains("--period: 'FY26 Q2' is a fiscal label").contains("2026_Q2");
    assertThat(unknownType.exitCode()).isEqualTo(2);
    assertThat(unknownType.err()).contains("--types", "pipeline");
  }

  @Test
  void helpNamesTheOptions() {
    Cli.Result result = Cli.run(Cli.noBackends(), "", "forecast-export", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: revops-examples forecast-export")
        .contains("--forecast=FORECAST_ID", "--period=QUARTER", "--types=TYPE", "--history", "-o, --output=FILE");
  }
}
