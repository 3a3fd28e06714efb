package io.revops.core.forecast;

import static io.revops.core.forecast.ClariFixtures.JOB_ID;
import static io.revops.core.forecast.ClariFixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.revops.clari.ClariClient;
import io.revops.clari.ExportOptions;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.plan.PlannedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForecastServiceTest {
  private static final Duration TTL = Duration.ofMinutes(10);

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-05-10T09:00:00Z"));
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ForecastService service(boolean fastPath, Duration ttl, Optional<String> defaultForecastId) {
    ClariClient clari = ClariClient.builder().baseUrl(server.url("/v4").toString()).apiToken(TOKEN)
        .clock(time).sleeper(time).fastPath(fastPath).build();
    return new ForecastService(clari, defaultForecastId, ExportOptions.defaults(), ttl, time);
  }

  private ForecastService service() {
    return service(true, TTL, Optional.of("net_arr"));
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    return request;
  }

  private static ForecastQuery period(String timePeriod) {
    return ForecastQuery.builder().timePeriod(timePeriod).build();
  }

  @Test
  void summarisesARealisticExportWithNamesHierarchyOrderAttainmentAndTheLatestWeek() throws Exception {
    server.enqueue(ClariFixtures.export());

    ForecastSummary summary = service().getForecast(period("2026_Q2"));

    assertThat(summary.forecastId()).isEqualTo("net_arr");
    assertThat(summary.period().label()).isEqualTo("Q2 2026");
    assertThat(summary.periodAsRequested()).isTrue();
    assertThat(summary.warning()).isEmpty();
    assertThat(summary.currency()).contains("USD");
    assertThat(summary.week()).contains(new ForecastWeek("w13", Optional.of("2026-06-24"), Optional.of("2026-06-30")));
    assertThat(summary.retrievedAt()).isEqualTo(time.instant());
    assertThat(summary.rows())
        .extracting(ForecastRow::userName, ForecastRow::depth, ForecastRow::field, ForecastRow::value,
            ForecastRow::quota, ForecastRow::attainment)
        .containsExactly(
            tuple("Vera VP", 0, "Commit", Optional.of(200000.0), Optional.of(250000.0), Optional.of(0.8)),
            tuple("Alice Manager", 1, "Commit", Optional.of(70000.0), Optional.empty(), Optional.empty()),
            tuple("Carl Rep", 2, "Commit", Optional.of(5000.0), Optional.empty(), Optional.empty()),
            tuple("Bob Manager", 1, "Commit", Optional.of(125000.0), Optional.of(0.0), Optional.empty()),
            tuple("amy Rep", 2, "Commit", Optional.of(90000.0), Optional.of(80000.0), Optional.of(1.125)),
            tuple("amy Rep", 2, "Best Case", Optional.of(120000.0), Optional.of(80000.0), Optional.of(1.5)),
            tuple("Zed Rep", 2, "Commit", Optional.of(40000.0), Optional.of(100000.0), Optional.of(0.4)));
    assertThat(summary.rows().get(0).role()).contains("Sales");
    assertThat(summary.toString()).doesNotContain("u-vera", "f-commit", "h-bob");
  }

  @Test
  void usesTheOneRequestFastPathWithEveryNormalisedParameter() throws Exception {
    server.enqueue(ClariFixtures.export());

    service().getForecast(ForecastQuery.builder().forecastId(" net_arr ").timePeriod("q2 2026")
        .scopeId(" 1905::MGR ").currency("usd").build());

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v4/forecast/net_arr");
    assertThat(request.getUrl().queryParameter("timePeriod")).isEqualTo("2026_Q2");
    assertThat(request.getUrl().queryParameterValues("typesToExport")).containsExactly("forecast", "quota");
    assertThat(request.getUrl().queryParameter("scopeId")).isEqualTo("1905::MGR");
    assertThat(request.getUrl().queryParameter("currency")).isEqualTo("USD");
    assertThat(request.getHeaders().get("apikey")).isEqualTo(TOKEN);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void fallsBackToAnExportJobAndReportsItsProgress() throws Exception {
    server.enqueue(ClariFixtures.notFound());
    server.enqueue(ClariFixtures.submitted());
    server.enqueue(ClariFixtures.status("STARTED"));
    server.enqueue(ClariFixtures.status("DONE"));
    server.enqueue(ClariFixtures.export());
    List<String> progress = Collections.synchronizedList(new ArrayList<>());

    ForecastSummary summary = service().getForecast(period("2026_Q2"),
        new ForecastCallOptions(p -> progress.add(p.status()), new io.revops.clari.CancellationToken()));

    assertThat(summary.rows()).hasSize(7);
    assertThat(List.of(take(), take(), take(), take(), take()))
        .extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
        .containsExactly("GET /v4/forecast/net_arr", "POST /v4/export/forecast/net_arr",
            "GET /v4/export/jobs/" + JOB_ID, "GET /v4/export/jobs/" + JOB_ID, "GET /v4/export/jobs/" + JOB_ID + "/results");
    assertThat(progress).containsExactly("STARTED", "DONE");
  }

  @Test
  void servesIdenticalRequestsFromTheCacheUntilTheTtlRunsOut() throws Exception {
    ForecastService service = service();
    server.enqueue(ClariFixtures.export());
    server.enqueue(ClariFixtures.export());
    server.enqueue(ClariFixtures.export());

    ForecastSummary first = service.getForecast(period("2026_Q2"));
    time.advance(TTL.minusSeconds(1));
    ForecastSummary sameQuarterSpelledDifferently = service.getForecast(
        ForecastQuery.builder().forecastId("net_arr").timePeriod("Q2 2026").build());

    assertThat(sameQuarterSpelledDifferently).isSameAs(first);
    assertThat(server.getRequestCount()).isEqualTo(1);

    ForecastSummary otherCurrency = service.getForecast(ForecastQuery.builder().timePeriod("2026-Q2").currency("EUR").build());
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(otherCurrency.currency()).contains("EUR");

    time.advance(Duration.ofSeconds(1));
    ForecastSummary afterTtl = service.getForecast(period("2026_Q2"));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(afterTtl.retrievedAt()).isEqualTo(first.retrievedAt().plus(TTL));
  }

  @Test
  void aZeroTtlDisablesTheCache() {
    ForecastService service = service(true, Duration.ZERO, Optional.of("net_arr"));
    server.enqueue(ClariFixtures.export());
    server.enqueue(ClariFixtures.export());

    service.getForecast(period("2026_Q2"));
    service.getForecast(period("2026_Q2"));

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void withholdsFiguresWhenClariAnswersForAnotherQuarter() {
    server.enqueue(ClariFixtures.exportFor("2026_Q2", "Q2 2026"));

    ForecastSummary summary = service().getForecast(period("2027_Q1"));

    assertThat(summary.periodAsRequested()).isFalse();
    assertThat(summary.requestedPeriod()).isEqualTo("2027_Q1");
    assertThat(summary.period().id()).isEqualTo("2026_Q2");
    assertThat(summary.rows()).isEmpty();
    assertThat(summary.warning()).hasValueSatisfying(w -> assertThat(w)
        .contains("Q2 2026", "2027_Q1", "falls back", "withheld"));
  }

  @Test
  void defaultsToTheCalendarQuarterOfTodayAndSaysSo() throws Exception {
    server.enqueue(ClariFixtures.export());

    ForecastSummary summary = service().getForecast(ForecastQuery.defaults());

    assertThat(take().getUrl().queryParameter("timePeriod")).isEqualTo("2026_Q2");
    assertThat(summary.notes()).anySatisfy(n -> assertThat(n).contains("No timePeriod", "calendar quarter"));
    assertThat(summary.notes()).noneSatisfy(n -> assertThat(n).contains("does not contain today"));
  }

  @Test
  void flagsADefaultQuarterWhoseFiscalDatesDoNotContainToday() {
    server.enqueue(ClariFixtures.json(200, ClariFixtures.EXPORT
        .replace("\"startDate\":\"2026-04-01\"", "\"startDate\":\"2026-07-01\"")
        .replace("\"endDate\":\"2026-06-30\",\"crmId\"", "\"endDate\":\"2026-09-30\",\"crmId\"")));

    ForecastSummary summary = service().getForecast(ForecastQuery.defaults());

    assertThat(summary.notes()).anySatisfy(n -> assertThat(n).contains("does not contain today", "fiscal"));
  }

  @Test
  void notesMixedCurrenciesAndUsersClariDidNotList() {
    server.enqueue(ClariFixtures.json(200, """
        {"entries":[{"userId":"u1","fieldId":"c","timePeriodId":"2026_Q2","timeFrameId":"w1","forecastValue":1,
                     "currency":{"code":"USD"}},
                    {"userId":"u2","fieldId":"c","timePeriodId":"2026_Q2","timeFrameId":"w1","forecastValue":2,
                     "currency":{"code":"EUR"}}],
         "users":[{"userId":"u1","name":"Una"}],"fields":[{"fieldId":"c","fieldName":"Commit"}],
         "timePeriods":[{"timePeriodId":"2026_Q2"}],"timeFrames":[]}
        """));

    ForecastSummary summary = service().getForecast(period("2026_Q2"));

    assertThat(summary.currency()).isEmpty();
    assertThat(summary.rows()).extracting(ForecastRow::userName).containsExactly("Una", "(unknown user u2)");
    assertThat(summary.notes()).anySatisfy(n -> assertThat(n).contains("EUR, USD"))
        .anySatisfy(n -> assertThat(n).contains("missing from its user list"));
  }

  static Stream<Arguments> badQueries() {
    return Stream.of(
        Arguments.of(ForecastQuery.builder().forecastId(" ").build(), "forecastId", "blank"),
        Arguments.of(ForecastQuery.builder().forecastId("net arr").build(), "forecastId", "net_arr"),
        Arguments.of(ForecastQuery.builder().forecastId("../admin").build(), "forecastId", "Forecast Tab id"),
        Arguments.of(period("FY26 Q2"), "timePeriod", "2026_Q2"),
        Arguments.of(period("next quarter"), "timePeriod", "2026_Q2"),
        Arguments.of(ForecastQuery.builder().scopeId("  ").build(), "scopeId", "1905::MGR"),
        Arguments.of(ForecastQuery.builder().scopeId("1905 MGR; x").build(), "scopeId", "1905::MGR"),
        Arguments.of(ForecastQuery.builder().currency("dollars").build(), "currency", "ISO 4217"),
        Arguments.of(ForecastQuery.builder().currency("XYZ").build(), "currency", "USD"));
  }

  @ParameterizedTest
  @MethodSource("badQueries")
  void refusesBadInputBeforeAnyRequest(ForecastQuery query, String argument, String hint) {
    ForecastService service = service();

    assertThatThrownBy(() -> service.getForecast(query))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.argument()).isEqualTo(argument))
        .hasMessageContaining(hint);
    assertThatThrownBy(() -> service.planGetForecast(query)).isInstanceOf(RevOpsArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aMissingForecastIdSaysWhereToFindIt() {
    ForecastService service = service(true, TTL, Optional.empty());

    assertThatThrownBy(() -> service.getForecast(period("2026_Q2")))
        .isInstanceOfSatisfying(RevOpsArgumentException.class, e -> assertThat(e.argument()).isEqualTo("forecastId"))
        .hasMessageContaining("Clari URL")
        .hasMessageContaining("net_arr")
        .hasMessageContaining("CLARI_FORECAST_ID");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void planShowsTheFastPathAndTheExportFallbackWithoutSending() {
    DryRunPlan plan = service().planGetForecast(period("Q2 2026"));

    assertThat(plan.operation()).isEqualTo("getForecast");
    assertThat(plan.requests()).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.url()).contains("/v4/forecast/net_arr?timePeriod=2026_Q2");
      assertThat(r.headers()).containsEntry("apikey", "<redacted>");
    });
    assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("POST /export/forecast/net_arr", "quota"));
    assertThat(plan.toString()).doesNotContain(TOKEN);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void planOfAnExportJobIncludesTheSlotCheckWhenConfigured() {
    ClariClient clari = ClariClient.builder().baseUrl(server.url("/v4").toString()).apiToken(TOKEN)
        .clock(time).sleeper(time).fastPath(false).build();
    ForecastService service = new ForecastService(clari, Optional.of("net_arr"),
        ExportOptions.builder().waitForExportSlot(true).build(), TTL, time);

    DryRunPlan plan = service.planGetForecast(period("2026_Q2"));

    assertThat(plan.requests()).extracting(PlannedRequest::method, r -> r.url().replaceFirst("^http://[^/]+", ""))
        .containsExactly(tuple("GET", "/v4/admin/limits"), tuple("POST", "/v4/export/forecast/net_arr"));
    assertThat(plan.requests().get(1).body()).hasValueSatisfying(b -> assertThat(b).contains("\"2026_Q2\"", "\"quota\""));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void adminLimitsAreACompactCapacityView() throws Exception {
    server.enqueue(ClariFixtures.json(200, """
        {"jobs":{"concurrentLimit":3,"monthlyQuota":1000,"runningJobIds":["6073680cac043e61f93bac07"],
         "submittedJobIds":["606e6f6f304d430d583fdd4c","606e6f6f304d430d583fdd4d"],
         "availableConcurrentLimit":2,"availableMonthlyQuota":998}}
        """));
    ForecastService service = service();

    ExportCapacity capacity = service.getAdminLimits();

    assertThat(capacity).isEqualTo(new ExportCapacity(3, 2, 1000, 998, 2, List.of("6073680cac043e61f93bac07")));
    assertThat(capacity.canExportNow()).isTrue();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v4/admin/limits");
    assertThat(service.planGetAdminLimits().requests()).singleElement()
        .satisfies(r -> assertThat(r.url()).endsWith("/v4/admin/limits"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
