package io.revops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoqlLintCommandTest {

  @Test
  void printsTheGuardedRewriteOfEachAcceptedQuery() {
    Cli.Result result = Cli.run(Cli.noBackends(), """
        SELECT Id, Name FROM Account
        SELECT Id FROM Opportunity WHERE IsClosed = false LIMIT 5000
        SELECT Id FROM Contact LIMIT 10
        """, "soql-lint");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("""
        stdin:1: ok: SELECT Id, Name FROM Account LIMIT 200
        stdin:2: ok: SELECT Id FROM Opportunity WHERE IsClosed = false LIMIT 200
        stdin:3: ok: SELECT Id FROM Contact LIMIT 10
        """);
    assertThat(result.err()).isEqualTo("3 queries: 3 accepted, 0 rejected\n");
  }

  @Test
  void printsEachRejectionWithItsLineColumnAndACaret() {
    Cli.Result result = Cli.run(Cli.noBackends(), """
        SELECT Id FROM Account

        DELETE FROM Account
        SELECT Id FROM Account WITH SYSTEM_MODE
        """, "soql-lint");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("""
        stdin:1: ok: SELECT Id FROM Account LIMIT 200
        stdin:3:1: rejected: DELETE is not allowed: only read-only SELECT queries run here
            DELETE FROM Account
            ^
        stdin:4:24: rejected: WITH SYSTEM_MODE is not allowed: queries run with the calling user's permissions
            SELECT Id FROM Account WITH SYSTEM_MODE
                                   ^
        """);
    assertThat(result.err()).isEqualTo("3 queries: 1 accepted, 2 rejected\n");
  }

  @Test
  void appliesTheLimitAndSecurityClauseOptions() {
    Cli.Result result = Cli.run(Cli.noBackends(), "SELECT Id FROM Account WHERE Name LIKE 'A%' LIMIT 100\n",
        "soql-lint", "--max-limit", "50", "--security-clause", "user_mode");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo("stdin:1: ok: SELECT Id FROM Account WHERE Name LIKE 'A%' WITH USER_MODE LIMIT 50\n");
  }

  @Test
  void readsFilesAndNamesThemInEachLine(@TempDir Path dir) throws IOException {
    Path queries = Files.writeString(dir.resolve("queries.soql"), "SELECT Id FROM Lead\nSELECT FROM Lead\n");

    Cli.Result result = Cli.run(Cli.noBackends(), "", "soql-lint", queries.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).startsWith(queries + ":1: ok: SELECT Id FROM Lead LIMIT 200\n" + queries + ":2:8: rejected: ");
  }

  @Test
  void aMissingFileIsAUsageErrorNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("missing.soql");

    Cli.Result result = Cli.run(Cli.noBackends(), "", "soql-lint", missing.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("Cannot read " + missing + ": no such readable file\n")
        .contains("Run 'revops-examples soql-lint --help' for usage.");
  }

  @Test
  void badOptionsAreUsageErrorsWithoutStackTraces() {
    Cli.Result zero = Cli.run(Cli.noBackends(), "SELECT Id FROM Account\n", "soql-lint", "--max-limit", "0");
    Cli.Result unknownClause = Cli.run(Cli.noBackends(), "", "soql-lint", "--security-clause", "SYSTEM_MODE");

    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).startsWith("--max-limit must be at least 1, got 0\n");
    assertThat(zero.out()).isEmpty();
    assertThat(unknownClause.exitCode()).isEqualTo(2);
    assertThat(unknownClause.err()).contains("--security-clause", "SYSTEM_MODE").doesNotContain("\tat ");
  }

  @Test
  void helpDescribesTheProgramAndItsOptions() {
    Cli.Result result = Cli.run(Cli.noBackends(), "", "soql-lint", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: revops-examples soql-lint")
        .contains("--max-limit=ROWS", "--security-clause=CLAUSE", "SECURITY_ENFORCED", "USER_MODE");
  }
}
