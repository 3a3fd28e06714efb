package io.revops.clari;

import static io.revops.clari.Fixtures.TOKEN;
import static io.revops.clari.Fixtures.clariError;
import static io.revops.clari.Fixtures.json;
import static io.revops.clari.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FastPathTest {
  private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();
  private ClariClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = builder().build();
  }

  private ClariClient.Builder builder() {
    return ClariClient.builder().baseUrl(server.url("/v4").toString()).apiToken(TOKEN).clock(time).sleeper(time);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ForecastExportRequest latestWeek() {
    return ForecastExportRequest.builder("net_arr", "2026_Q2").scopeId("1905::MGR").build();
  }

  @Test
  void latestWeekIsReadInOneSynchronousRequest() throws Exception {
    server.enqueue(Fixtures.results());

    ForecastExport export = client.exportForecast(latestWeek(), ExportOptions.defaults());

    assertThat(export.entries()).hasSize(2);
    assertThat(export.source()).isEqualTo(new ExportSource.SynchronousRead());
    assertThat(export.truncated()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest get = server.takeRequest();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getUrl().encodedPath()).isEqualTo("/v4/forecast/net_arr");
    assertThat(get.getUrl().queryParameter("timePeriod")).isEqualTo("2026_Q2");
    assertThat(get.getUrl().queryParameterValues("typesToExport")).containsExactly("forecast", "forecast_updated");
    assertThat(get.getHeaders().get("apikey")).isEqualTo(TOKEN);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void fallsBackToTheExportJobOn404AndRemembersItForTheClientsLife() throws Exception {
    server.enqueue(json(404, "{\"message\":\"no Route matched with those values\"}"));
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("DONE", true));
    server.enqueue(Fixtures.results());
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("DONE", true));
    server.enqueue(Fixtures.results());

    client.exportForecast(latestWeek(), ExportOptions.defaults());
    client.exportForecast(latestWeek(), ExportOptions.defaults());

    assertThat(server.getRequestCount()).isEqualTo(7);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v4/forecast/net_arr");
    for (int i = 1; i < 7; i++) {
      assertThat(server.takeRequest().getUrl().encodedPath()).doesNotStartWith("/v4/forecast/");
    }
    assertThat(client.plans().exportForecast(latestWeek()).method()).isEqualTo("POST");
  }

  @Test
  void withoutATimePeriodTheReadLeavesItOutForClarisCurrentQuarter() throws Exception {
    server.enqueue(Fixtures.results());

    ForecastExport export = client.exportForecast(ForecastExportRequest.builder("net_arr").build(),
        ExportOptions.defaults());

    assertThat(export.timePeriods()).extracting(ForecastTimePeriod::timePeriodId).containsExactly("2026_Q2");
    RecordedRequest get = server.takeRequest();
    assertThat(get.getUrl().encodedPath()).isEqualTo("/v4/forecast/net_arr");
    assertThat(get.getUrl().queryParameterNames()).containsExactly("typesToExport");
  }

  @Test
  void a400ToAReadWithoutATimePeriodSendsOnlySuchReadsToExportJobs() throws Exception {
    ForecastExportRequest current = ForecastExportRequest.builder("net_arr").build();
    server.enqueue(json(400, "{\"message\":\"timePeriod is required\"}"));
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("DONE", true));
    server.enqueue(Fixtures.results());
    assertThat(client.exportForecast(current, ExportOptions.defaults()).entries()).hasSize(2);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v4/forecast/net_arr");
    RecordedRequest submit = server.takeRequest();
    assertThat(submit.getMethod() + " " + submit.getUrl().encodedPath()).isEqualTo("POST /v4/export/forecast/net_arr");
    assertThat(submit.getBody().utf8()).doesNotContain("timePeriod");
    server.takeRequest();
    server.takeRequest();

    server.enqueue(Fixtures.results());
    client.exportForecast(latestWeek(), ExportOptions.defaults());
    assertThat(server.takeRequest().getUrl().encodedPath()).as("an explicit period still reads synchronously")
        .isEqualTo("/v4/forecast/net_arr");

    server.enqueue(Fixtures.submitted());
    server.enqueue(status("DONE", true));
    server.enqueue(Fixtures.results());
    client.exportForecast(current, ExportOptions.defaults());
    assertThat(server.takeRequest().getMethod()).as("no second try without a period").isEqualTo("POST");
    assertThat(client.plans().exportForecast(current).method()).isEqualTo("POST");
    assertThat(client.plans().exportForecast(latestWeek()).method()).isEqualTo("GET");
  }

  @Test
  void fallsBackOn405And400Too() {
    for (int code : new int[] {405, 400}) {
      ClariClient fresh = builder().build();
      server.enqueue(json(code, "{}"));
      server.enqueue(Fixtures.submitted());
      server.enqueue(status("DONE", false));
      server.enqueue(Fixtures.results());
      assertThat(fresh.exportForecast(latestWeek(), ExportOptions.defaults()).entries()).hasSize(2);
    }
    assertThat(server.getRequestCount()).isEqualTo(8);
  }

  @Test
  void unknownForecastOnTheFastPathIsReportedNotFallenBackFrom() throws Exception {
    server.enqueue(clariError(400, "no_such_forecast_config", "Forecast net_ar does not exist in the ForecastTemplate"));

    assertThatThrownBy(() -> client.exportForecast(ForecastExportRequest.builder("net_ar", "2026_Q2").build(),
        ExportOptions.defaults())).isInstanceOf(ClariNotFoundException.class).hasMessageContaining("Forecast Tab id");
    assertThat(server.getRequestCount()).isEqualTo(1);

    server.enqueue(Fixtures.results());
    client.exportForecast(latestWeek(), ExportOptions.defaults());
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v4/forecast/net_arr");
  }

  @Test
  void historyCsvOrTheSwitchUseTheExportJob() throws Exception {
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("DONE", false));
    server.enqueue(Fixtures.results());
    client.exportForecast(ForecastExportRequest.builder("net_arr", "2026_Q2").includeHistorical(true).build(),
        ExportOptions.defaults());
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");

    ClariClient noFastPath = builder().fastPath(false).build();
    server.enqueue(Fixtures.submitted());
    server.enqueue(status("DONE", false));
    server.enqueue(Fixtures.results());
    noFastPath.exportForecast(latestWeek(), ExportOptions.defaults());
    server.takeRequest();
    server.takeRequest();
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    assertThat(noFastPath.plans().exportForecast(latestWeek()).url()).contains("/export/forecast/net_arr");
  }
}
