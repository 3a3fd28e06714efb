package io.revops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pipeline-report against an org named by the environment (a loopback MockWebServer). */
class PipelineReportCommandTest {
  static final String TOKEN = "00DSECRET!AQ4AQFakeTokenValue.never-print-me";
  static final String API = "/services/data/v60.0";
  static final String DESCRIBE = "GET " + API + "/sobjects/Opportunity/describe";
  static final String QUERY = "GET " + API + "/query?q=";
  static final String AGGREGATE = "SELECT StageName, COUNT(Id) recordCount, SUM(Amount) totalAmount FROM Opportunity"
      + " WHERE IsClosed = false AND ";

  FakeServer org;
  Backends backends;

  @BeforeEach
  void start() throws Exception {
    org = new FakeServer();
    backends = new Backends(Map.of("SFDC_INSTANCE_URL", org.url(""), "SFDC_ACCESS_TOKEN", TOKEN), () -> {
      throw new AssertionError("an org is configured: the sandbox must not start");
    }, new VirtualTime(Instant.parse("2026-05-20T06:30:00Z")), duration -> { });
  }

  @AfterEach
  void stop() {
    backends.close();
    org.close();
  }

  void serveOrg(String windowEnd) {
    org.on(DESCRIBE, """
        {"name":"Opportunity","label":"Opportunity","keyPrefix":"006","queryable":true,"fields":[
          {"name":"Id","label":"Opportunity ID","type":"id"},
          {"name":"StageName","label":"Stage","type":"picklist","picklistValues":[
            {"value":"Prospecting","label":"Prospecting","active":true,"defaultValue":false},
            {"value":"Qualification","label":"Qualification","active":true,"defaultValue":false},
            {"value":"Commit","label":"Commit","active":true,"defaultValue":false},
            {"value":"Closed Won","label":"Closed Won","active":true,"defaultValue":false}]},
          {"name":"Amount","label":"Amount","type":"currency"},
          {"name":"CloseDate","label":"Close Date","type":"date"}]}""");
    org.on(QUERY + AGGREGATE + "CloseDate >= 2026-05-20 AND CloseDate <= " + windowEnd
        + " GROUP BY StageName LIMIT 200", page(row("Commit", 2, "500000"), row("Prospecting", 3, "1234.5")));
    org.on(QUERY + AGGREGATE + "CloseDate < 2026-05-20 GROUP BY StageName LIMIT 200",
        page(row("Qualification", 4, "80000")));
    org.on(QUERY + "SELECT DefaultCurrencyIsoCode FROM Organization LIMIT 200",
        page("{\"attributes\":{\"type\":\"Organization\"},\"DefaultCurrencyIsoCode\":\"EUR\"}"));
  }

  static String row(String stage, long count, String amount) {
    return "{\"attributes\":{\"type\":\"AggregateResult\"},\"StageName\":\"" + stage + "\",\"recordCount\":" + count
        + ",\"totalAmount\":" + amount + "}";
  }

  static String page(String... records) {
    return "{\"totalSize\":" + records.length + ",\"done\":true,\"records\":[" + String.join(",", records) + "]}";
  }

  @Test
  void printsTheStagesInPicklistOrderWithTotalAndOverdue() {
    serveOrg("2026-08-18");

    Cli.Result result = Cli.run(backends, "", "pipeline-report");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("""
        Open pipeline closing 2026-05-20 to 2026-08-18

        Stage        Deals  Amount (EUR)
        -----------  -----  ------------
        Prospecting      3      1,234.50
        Commit           2    500,000.00
        -----------  -----  ------------
        Total            5    501,234.50

        Overdue (open, closing before 2026-05-20): 4 deals, 80,000.00 EUR
        """);
    assertThat(result.err()).isEqualTo("Pipeline from Salesforce org " + org.url("") + " (static access token)\n");
  }

  @Test
  void daysSetsTheCloseDateWindow() {
    serveOrg("2026-05-27");

    Cli.Result result = Cli.run(backends, "", "pipeline-report", "--days", "7");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Open pipeline closing 2026-05-20 to 2026-05-27\n");
  }

  @Test
  void daysOutOfRangeIsAUsageErrorAndSendsNothing() {
    Cli.Result result = Cli.run(backends, "", "pipeline-report", "--days", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("--days must be from 1 to 3650, got 0\n");
    assertThat(org.requests()).isEmpty();
  }

  @Test
  void aMalformedOwnerIdIsAUsageErrorAndSendsNoQuery() {
    serveOrg("2026-08-18");

    Cli.Result result = Cli.run(backends, "", "pipeline-report", "--owner", "not-an-id");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("revops-examples pipeline-report: ", "not-an-id").doesNotContain("\tat ");
    assertThat(org.requests()).noneMatch(route -> route.startsWith(QUERY));
  }

  @Test
  void anExpiredSessionFailsWithSalesforcesMessageAndNoTokenOrStackTrace() {
    org.on(DESCRIBE, FakeServer.json(401,
        "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"));

    Cli.Result result = Cli.run(backends, "", "pipeline-report");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("revops-examples pipeline-report: ", "INVALID_SESSION_ID")
        .doesNotContain(TOKEN, "\tat ");
  }

  @Test
  void helpNamesTheOptions() {
    Cli.Result result = Cli.run(Cli.noBackends(), "", "pipeline-report", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: revops-examples pipeline-report").contains("--days=DAYS", "--owner=USER_ID",
        "Default: 90");
  }
}
