package io.revops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevOpsExamplesTest {

  @Test
  void helpListsEveryProgramAndTheExitCodes() {
    Cli.Result result = Cli.run(Cli.noBackends(), "", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: revops-examples [-h] PROGRAM")
        .contains("pipeline-report", "forecast-export", "deal-risk", "soql-lint", "Exit codes:")
        .contains("Environment (unset: the built-in sandbox):", "  SFDC_INSTANCE_URL ", "  SFDC_JWT_KEY_FILE ",
            "  CLARI_API_TOKEN ", "  CLARI_FORECAST_ID ", "https://acme.my.salesforce.com")
        .as("server-only switches are not the examples' business").doesNotContain("REVOPS_");
  }

  @Test
  void noProgramIsAUsageError() {
    Cli.Result result = Cli.run(Cli.noBackends(), "");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("""
        Name a program: pipeline-report, forecast-export, deal-risk or soql-lint
        Run 'revops-examples --help' for usage.
        """);
  }

  @Test
  void aMistypedProgramGetsASuggestion() {
    Cli.Result result = Cli.run(Cli.noBackends(), "", "pipeline-reprot");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Unmatched argument at index 0: 'pipeline-reprot'",
        "Did you mean: revops-examples pipeline-report");
  }

  @Test
  void anInvalidEnvironmentIsAUsageErrorNamingTheVariable() {
    Backends backends = new Backends(java.util.Map.of("SFDC_ACCESS_TOKEN", "00Dxx!secret-token"), () -> {
      throw new AssertionError("a half-configured org must not fall back to the sandbox");
    }, java.time.Clock.systemUTC(), io.revops.clari.Sleeper.system());

    Cli.Result result = Cli.run(backends, "", "pipeline-report");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("revops-examples pipeline-report: SFDC_INSTANCE_URL: is not set, but"
        + " SFDC_ACCESS_TOKEN is").doesNotContain("secret-token", "\tat ");
  }
}
