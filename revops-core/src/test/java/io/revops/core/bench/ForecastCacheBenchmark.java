package io.revops.core.bench;

import io.revops.clari.ClariClient;
import io.revops.clari.ExportOptions;
import io.revops.core.forecast.ForecastQuery;
import io.revops.core.forecast.ForecastService;
import io.revops.core.forecast.ForecastSummary;
import io.revops.core.forecast.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Prints the HTTP requests and the elapsed virtual time of {@link ForecastService#getForecast} against
 * MockWebServer for: the synchronous fast path, an export job (finishing 8 s after submit, default polling
 * 12 x 5 s), the identical request again within the cache TTL, and after the TTL. Not a test; run on demand:
 * {@code mvn -q -pl revops-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.revops.core.bench.ForecastCacheBenchmark}
 */
public final class ForecastCacheBenchmark {
  private static final Duration JOB_DURATION = Duration.ofSeconds(8);
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final int USERS = 60;

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-05-10T09:00:00Z"));
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger submits = new AtomicInteger();
  private final AtomicReference<Instant> submittedAt = new AtomicReference<>(Instant.MAX);
  private final String export = export();

  private ForecastCacheBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    new ForecastCacheBenchmark().run();
  }

  private void run() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(dispatcher());
      server.start();
      ForecastQuery query = ForecastQuery.builder().timePeriod("Q2 2026").build();
      ForecastService fast = service(server, true);
      ForecastService jobs = service(server, false);

      System.out.println("ForecastService.getForecast, MockWebServer, virtual time; export of " + USERS + " users x 3"
          + " fields; cache TTL " + TTL.toMinutes() + " min; export job finishes " + JOB_DURATION.toSeconds()
          + " s after submit");
      System.out.println("| scenario | HTTP requests | export jobs submitted | virtual time | rows |");
      System.out.println("|---|---|---|---|---|");
      measure("fast path (GET /forecast/{id}, latest week)", () -> fast.getForecast(query));
      measure("export job (submit, status polls, results)", () -> jobs.getForecast(query));
      measure("identical request again within the TTL (cache)", () -> jobs.getForecast(query));
      measure("same quarter spelled 2026_Q2 within the TTL (cache)",
          () -> jobs.getForecast(ForecastQuery.builder().timePeriod("2026_Q2").build()));
      time.advance(TTL);
      measure("identical request after the TTL (export job again)", () -> jobs.getForecast(query));
    }
  }

  private ForecastService service(MockWebServer server, boolean fastPath) {
    ClariClient clari = ClariClient.builder().baseUrl(server.url("/v4").toString()).apiToken("bench-token")
        .clock(time).sleeper(time).fastPath(fastPath).build();
    return new ForecastService(clari, Optional.of("net_arr"), ExportOptions.defaults(), TTL, time);
  }

  private void measure(String scenario, Supplier<ForecastSummary> call) {
    requests.set(0);
    submits.set(0);
    Instant start = time.instant();
    ForecastSummary summary = call.get();
    Duration elapsed = Duration.between(start, time.instant());
    System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f s | %d |%n", scenario, requests.get(), submits.get(),
        elapsed.toMillis() / 1000.0, summary.rows().size());
  }

  private Dispatcher dispatcher() {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        String path = request.getUrl().encodedPath();
        if (request.getMethod().equals("POST")) {
          submits.incrementAndGet();
          submittedAt.set(time.instant());
          return json("{\"jobId\":\"bench1\"}");
        }
        if (path.startsWith("/v4/forecast/") || path.endsWith("/results")) {
          return json(export);
        }
        boolean done = !time.instant().isBefore(submittedAt.get().plus(JOB_DURATION));
        return json("{\"job\":{\"jobId\":\"bench1\",\"status\":\"" + (done ? "DONE" : "STARTED") + "\"}}");
      }
    };
  }

  /** A VP, five managers and their reps, each with Commit, Best Case and Quota. */
  private static String export() {
    String entries = IntStream.range(0, USERS).mapToObj(u -> String.join(",",
        entry(u, "commit", "forecastValue", 1000.0 * (u + 1)),
        entry(u, "best", "forecastValue", 1500.0 * (u + 1)),
        entry(u, "quota", "quotaValue", 2000.0 * (u + 1)))).collect(Collectors.joining(","));
    String users = IntStream.range(0, USERS).mapToObj(u -> "{\"userId\":\"u" + u + "\",\"name\":\"User " + u
        + "\",\"hierarchyId\":\"h" + u + "\",\"hierarchyName\":\"Node " + u + "\""
        + (u == 0 ? "" : ",\"parentHierarchyId\":\"h" + (u <= 5 ? 0 : 1 + u % 5) + "\"") + "}")
        .collect(Collectors.joining(","));
    return "{\"entries\":[" + entries + "],\"users\":[" + users + "],\"fields\":["
        + "{\"fieldId\":\"commit\",\"fieldName\":\"Commit\",\"fieldType\":\"forecast\"},"
        + "{\"fieldId\":\"best\",\"fieldName\":\"Best Case\",\"fieldType\":\"forecast\"},"
        + "{\"fieldId\":\"quota\",\"fieldName\":\"Quota\",\"fieldType\":\"quota\"}],"
        + "\"timePeriods\":[{\"timePeriodId\":\"2026_Q2\",\"label\":\"Q2 2026\",\"startDate\":\"2026-04-01\","
        + "\"endDate\":\"2026-06-30\"}],\"timeFrames\":[{\"timeFrameId\":\"w6\",\"startDate\":\"2026-05-06\"}]}";
  }

  private static String entry(int user, String field, String key, double value) {
    return "{\"userId\":\"u" + user + "\",\"fieldId\":\"" + field + "\",\"timePeriodId\":\"2026_Q2\","
        + "\"timeFrameId\":\"w6\",\"" + key + "\":" + value + ",\"currency\":{\"code\":\"USD\"}}";
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }
}
