package io.revops.clari;

import static io.revops.clari.Fixtures.JOB_ID;
import static io.revops.clari.Fixtures.TOKEN;
import static io.revops.clari.Fixtures.json;
import static io.revops.clari.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection failures, the retry time budget and timeouts against a server that never answers. */
class ResilienceTest {
  static final Duration HANG_GUARD = Duration.ofSeconds(30);

  private final MockWebServer server = new MockWebServer();
  private final VirtualTime time = new VirtualTime();
  private ClariClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = clientFor(server.url("/v4").toString()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClariClient.Builder clientFor(String baseUrl) {
    return ClariClient.builder().baseUrl(baseUrl).apiToken(TOKEN).clock(time).sleeper(time).fastPath(false);
  }

  private static ForecastExportRequest request() {
    return ForecastExportRequest.builder("net_arr", "2026_Q2").typesToExport(Set.of(ExportType.FORECAST)).build();
  }

  @Test
  void aGetWhoseConnectionDroppedIsRetried() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(status("DONE", false));

    assertThat(client.getExportJob(JOB_ID).status()).isEqualTo(JobStatus.DONE);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aSubmitThatMayHaveReachedClariIsNeverRepeated() {
    server.enqueue(Fixtures.status("DONE", false)); // leaves a pooled connection
    client.getExportJob(JOB_ID);
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(Fixtures.submitted());

    ClariTransportException e = catchThrowableOfType(ClariTransportException.class,
        () -> client.submitForecastExport(request()));

    assertThat(e.getMessage()).contains("may still have reached Clari").contains("GET /export/jobs");
    assertThat(server.getRequestCount()).as("the POST was sent once").isEqualTo(2);
  }

  @Test
  void aSubmitThatCertainlyNeverLeftIsRetried() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    ClariClient refused = clientFor("http://127.0.0.1:" + closedPort + "/v4").build();

    ClariTransportException e = catchThrowableOfType(ClariTransportException.class,
        () -> refused.submitForecastExport(request()));

    assertThat(e.getMessage()).contains("was not sent").contains("after 4 attempts");
    assertThat(time.sleeps()).hasSize(3);
  }

  @Test
  void retriesStopWhenTheTimeBudgetWouldBeExceeded() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "100").body("{}").build());
    }

    ClariRateLimitException e = catchThrowableOfType(ClariRateLimitException.class, () -> client.getAdminLimits());

    // 100 s fits the 2-minute budget; a second 100 s wait would end at 200 s
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(100));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(100));
  }

  @Test
  void aServerThatNeverAnswersEndsInATimeoutNotAHang() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ClariClient c = clientFor("http://127.0.0.1:" + silent.getLocalPort() + "/v4")
          .timeouts(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(10)).build();

      ClariTransportException get = assertTimeoutPreemptively(HANG_GUARD,
          () -> catchThrowableOfType(ClariTransportException.class, c::getAdminLimits));
      assertThat(get.getMessage()).contains("timed out").contains("read 300 ms").contains("after 4 attempts");

      ClariTransportException post = assertTimeoutPreemptively(HANG_GUARD,
          () -> catchThrowableOfType(ClariTransportException.class, () -> c.submitForecastExport(request())));
      assertThat(post.getMessage()).contains("timed out").contains("may still have reached Clari");
    }
  }

  @Test
  void theCallTimeoutBoundsTheWholeCall() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ClariClient c = clientFor("http://127.0.0.1:" + silent.getLocalPort() + "/v4")
          .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(400)).build();

      ClariTransportException e = assertTimeoutPreemptively(HANG_GUARD,
          () -> catchThrowableOfType(ClariTransportException.class, () -> c.submitForecastExport(request())));

      assertThat(e.getMessage()).contains("timed out").contains("whole call 400 ms");
    }
  }

  @Test
  void aTokenEchoedInAnErrorNeverReachesTheMessage() {
    server.enqueue(json(400, "{\"code\":\"bad_request\",\"message\":\"header apikey=" + TOKEN + " rejected\"}"));
    ClariApiException e = catchThrowableOfType(ClariApiException.class, () -> client.getAdminLimits());
    assertThat(e.getMessage()).contains("header apikey=*** rejected").doesNotContain(TOKEN);
  }

  @Test
  void serverErrorsAreNotRetriedOnASubmitButAreOnTheCancelPatch() {
    server.enqueue(json(502, ""));
    server.enqueue(Fixtures.cancelled());
    assertThat(client.cancelExportJob(JOB_ID).successful()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
