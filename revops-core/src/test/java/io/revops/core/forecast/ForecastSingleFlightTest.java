package io.revops.core.forecast;

import static io.revops.core.forecast.ClariFixtures.JOB_ID;
import static io.revops.core.forecast.ClariFixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.revops.clari.CancellationToken;
import io.revops.clari.ClariClient;
import io.revops.clari.ExportOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent identical requests: one export, progress for every caller, cancellation per caller. Latches, no sleeps. */
class ForecastSingleFlightTest {
  private static final ForecastQuery QUERY = ForecastQuery.builder().timePeriod("2026_Q2").build();

  private final VirtualTime time = new VirtualTime(Instant.parse("2026-05-10T09:00:00Z"));
  private final ExecutorService callers = Executors.newFixedThreadPool(2);
  private final Semaphore gate = new Semaphore(0);
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    gate.release(1000);
    callers.shutdownNow();
    server.close();
  }

  private ForecastService service(boolean fastPath) {
    ClariClient clari = ClariClient.builder().baseUrl(server.url("/v4").toString()).apiToken(TOKEN)
        .clock(time).sleeper(time).fastPath(fastPath).build();
    // TTL zero: the second caller cannot be served by the cache, only by joining the running export
    return new ForecastService(clari, Optional.of("net_arr"), ExportOptions.defaults(), Duration.ZERO, time);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  @Test
  void twoConcurrentIdenticalRequestsShareOneExport() throws Exception {
    CountDownLatch requestArrived = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        requestArrived.countDown();
        gate.tryAcquire(10, TimeUnit.SECONDS);
        return ClariFixtures.export();
      }
    });
    ForecastService service = service(true);
    CountDownLatch joined = new CountDownLatch(1);
    service.onJoinForTests(joined::countDown);

    Future<ForecastSummary> first = callers.submit(() -> service.getForecast(QUERY));
    assertThat(requestArrived.await(10, TimeUnit.SECONDS)).isTrue();
    Future<ForecastSummary> second = callers.submit(() -> service.getForecast(QUERY));
    assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
    gate.release();

    assertThat(await(second)).isSameAs(await(first));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCancellingCallerLeavesAndTheJobIsCancelledOnlyWhenNobodyWaits() throws Exception {
    List<String> received = Collections.synchronizedList(new ArrayList<>());
    Semaphore statusPollArrived = new Semaphore(0);
    CountDownLatch cancelArrived = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String call = request.getMethod() + " " + request.getUrl().encodedPath();
        received.add(call);
        if (call.equals("POST /v4/export/forecast/net_arr")) {
          return ClariFixtures.submitted();
        }
        if (call.equals("PATCH /v4/export/jobs/" + JOB_ID)) {
          cancelArrived.countDown();
          return ClariFixtures.cancelled();
        }
        if (call.equals("GET /v4/export/jobs/" + JOB_ID)) {
          statusPollArrived.release();
          gate.tryAcquire(10, TimeUnit.SECONDS);
          return ClariFixtures.status("STARTED");
        }
        return ClariFixtures.notFound();
      }
    });
    ForecastService service = service(false);
    CountDownLatch joined = new CountDownLatch(1);
    service.onJoinForTests(joined::countDown);
    List<String> firstProgress = Collections.synchronizedList(new ArrayList<>());
    Semaphore secondProgress = new Semaphore(0);
    ForecastCallOptions firstCaller = new ForecastCallOptions(p -> firstProgress.add(p.status()), new CancellationToken());
    ForecastCallOptions secondCaller = new ForecastCallOptions(p -> secondProgress.release(), new CancellationToken());

    Future<ForecastSummary> first = callers.submit(() -> service.getForecast(QUERY, firstCaller));
    assertThat(statusPollArrived.tryAcquire(10, TimeUnit.SECONDS)).as("first status poll").isTrue();
    Future<ForecastSummary> second = callers.submit(() -> service.getForecast(QUERY, secondCaller));
    assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();

    firstCaller.cancellation().cancel();
    assertThatThrownBy(() -> await(first)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(ForecastWaitCancelledException.class,
            e -> assertThat(e.exportCancelled()).isFalse())
        .hasMessageContaining("1 other request(s) still wait");

    gate.release(); // first poll answers STARTED: the export goes on for the second caller
    assertThat(secondProgress.tryAcquire(10, TimeUnit.SECONDS)).as("second caller's progress").isTrue();
    assertThat(statusPollArrived.tryAcquire(10, TimeUnit.SECONDS)).as("second status poll").isTrue();
    assertThat(received).doesNotContain("PATCH /v4/export/jobs/" + JOB_ID);
    assertThat(firstProgress).as("no reports after leaving").isEmpty();

    secondCaller.cancellation().cancel();
    assertThatThrownBy(() -> await(second)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(ForecastWaitCancelledException.class,
            e -> assertThat(e.exportCancelled()).isTrue());
    gate.release();

    assertThat(cancelArrived.await(10, TimeUnit.SECONDS)).as("the job is cancelled at Clari").isTrue();
    assertThat(received).containsExactly("POST /v4/export/forecast/net_arr", "GET /v4/export/jobs/" + JOB_ID,
        "GET /v4/export/jobs/" + JOB_ID, "PATCH /v4/export/jobs/" + JOB_ID);
  }

  @Test
  void aLateJoinerReceivesTheLatestProgressAtOnce() throws Exception {
    Semaphore statusPollArrived = new Semaphore(0);
    AtomicInteger polls = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        if (request.getMethod().equals("POST")) {
          return ClariFixtures.submitted();
        }
        if (path.endsWith("/results")) {
          return ClariFixtures.export();
        }
        int poll = polls.getAndIncrement();
        statusPollArrived.release();
        gate.tryAcquire(10, TimeUnit.SECONDS);
        return ClariFixtures.status(poll == 0 ? "SCHEDULED" : "DONE");
      }
    });
    ForecastService service = service(false);
    CountDownLatch joined = new CountDownLatch(1);
    service.onJoinForTests(joined::countDown);
    List<String> lateProgress = Collections.synchronizedList(new ArrayList<>());

    Future<ForecastSummary> first = callers.submit(() -> service.getForecast(QUERY));
    assertThat(statusPollArrived.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    gate.release(); // first poll: SCHEDULED
    assertThat(statusPollArrived.tryAcquire(10, TimeUnit.SECONDS)).isTrue(); // second poll under way
    Future<ForecastSummary> late = callers.submit(() -> service.getForecast(QUERY,
        new ForecastCallOptions(p -> lateProgress.add(p.status()), new CancellationToken())));
    assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
    gate.release(); // second poll: DONE

    assertThat(await(late)).isSameAs(await(first));
    assertThat(lateProgress).containsExactly("SCHEDULED", "DONE");
  }

  @Test
  void aFailureReachesEveryCallerAndIsNotCached() throws Exception {
    CountDownLatch requestArrived = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        requestArrived.countDown();
        gate.tryAcquire(10, TimeUnit.SECONDS);
        return ClariFixtures.json(400, "{\"code\":\"no_such_forecast_config\",\"namespace\":\"fcw\","
            + "\"errorId\":\"e-1\",\"message\":\"Forecast net_arr does not exist in the ForecastTemplate\"}");
      }
    });
    ForecastService service = service(true);
    CountDownLatch joined = new CountDownLatch(1);
    service.onJoinForTests(joined::countDown);

    Future<ForecastSummary> first = callers.submit(() -> service.getForecast(QUERY));
    assertThat(requestArrived.await(10, TimeUnit.SECONDS)).isTrue();
    Future<ForecastSummary> second = callers.submit(() -> service.getForecast(QUERY));
    assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
    gate.release(2);

    for (Future<ForecastSummary> caller : List.of(first, second)) {
      assertThatThrownBy(() -> await(caller)).cause().isInstanceOf(io.revops.clari.ClariApiException.class)
          .hasMessageContaining("net_arr");
    }
    assertThatThrownBy(() -> service.getForecast(QUERY)).isInstanceOf(io.revops.clari.ClariApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anAlreadyCancelledCallSendsNothing() {
    ForecastService service = service(true);
    CancellationToken cancelled = new CancellationToken();
    cancelled.cancel();

    assertThatThrownBy(() -> service.getForecast(QUERY, new ForecastCallOptions(p -> { }, cancelled)))
        .isInstanceOf(ForecastWaitCancelledException.class).hasMessageContaining("nothing was sent");
    assertThat(server.getRequestCount()).isZero();
  }
}
