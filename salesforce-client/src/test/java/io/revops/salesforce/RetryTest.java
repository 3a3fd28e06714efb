package io.revops.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.salesforce.SalesforceApiException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The retry matrix: which statuses and failures are retried, for which methods, how long it waits, and when it stops. */
class RetryTest extends MockSalesforce {
  static final SalesforceId OPP = SalesforceId.of("006000000000001");
  static final String RECORD = "{\"attributes\":{\"type\":\"Opportunity\"},\"Id\":\"006000000000001AAA\"}";

  /** Jitter pinned to its maximum, so each wait is its full nominal value. */
  SalesforceClient fullJitterClient() {
    return builder().accessToken(TOKEN).jitter(() -> 0.999_999).build();
  }

  void enqueueStatus(int status, int times) {
    for (int i = 0; i < times; i++) {
      enqueueJson(status, "[{\"message\":\"try later\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");
    }
  }

  /** One call of each kind the policy treats differently. */
  enum Call {
    GET(c -> c.retrieve("Opportunity", OPP), true),
    PATCH_ONE_FIELD(c -> c.update("Opportunity", OPP, Map.of("NextStep", "Call back")), true),
    PATCH_TWO_FIELDS(c -> c.update("Opportunity", OPP, Map.of("NextStep", "Call back", "StageName", "Won")), false),
    POST(c -> c.create("Task", Map.of("Subject", "Call")), false),
    COMPOSITE(c -> c.composite(CompositeRequest.builder().allOrNone(true)
        .add(CompositeSubrequest.create("t", "Task", Map.of("Subject", "Call"))).build()), false);

    final Consumer<SalesforceClient> run;
    final boolean repeatable;

    Call(Consumer<SalesforceClient> run, boolean repeatable) {
      this.run = run;
      this.repeatable = repeatable;
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 502, 503, 504})
  void transientStatusesAreRetriedForRepeatableRequestsOnly(int status) {
    for (Call call : Call.values()) {
      server.close();
      startFreshServer();
      SalesforceClient c = fullJitterClient();
      enqueueStatus(status, 1);
      enqueueJson(call == Call.GET ? 200 : call == Call.POST ? 201 : call == Call.COMPOSITE ? 200 : 204,
          call == Call.GET ? RECORD : call == Call.POST ? "{\"id\":\"00T000000000001EAA\",\"success\":true}"
              : call == Call.COMPOSITE ? "{\"compositeResponse\":[]}" : "");
      SalesforceApiException failure = catchThrowableOfType(SalesforceApiException.class, () -> call.run.accept(c));

      if (call.repeatable) {
        assertThat(failure).as(call + " on " + status).isNull();
        assertThat(server.getRequestCount()).as(call + " on " + status).isEqualTo(2);
      } else {
        assertThat(failure).as(call + " on " + status).isNotNull();
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(server.getRequestCount()).as(call + " is never repeated on " + status).isEqualTo(1);
      }
    }
  }

  @Test
  void aWriteThatAGatewayGaveUpOnMayHaveBeenProcessed() {
    enqueueStatus(504, 1);
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class,
        () -> client.create("Task", Map.of("Subject", "Call")));
    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(e.getMessage()).contains("may still have processed it").contains("check the record before repeating");
  }

  @Test
  void serverErrorsOtherThanGatewaysAreNotRetried() {
    enqueueStatus(500, 1);
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class, () -> client.retrieve("Opportunity", OPP));
    assertThat(e.httpStatus()).isEqualTo(500);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void backoffDoublesUpToTheAttemptLimitAndTheErrorSaysSo() {
    enqueueStatus(503, 4);
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class,
        () -> fullJitterClient().retrieve("Opportunity", OPP));

    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleeps()).extracting(Duration::toMillis).containsExactly(999L, 1999L, 3999L);
    assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(e.getMessage()).contains("gave up after 4 attempts in 6 s");
  }

  @Test
  void jitterKeepsEachWaitBetweenHalfAndAllOfItsNominalValue() {
    enqueueStatus(503, 4);
    SalesforceClient low = builder().accessToken(TOKEN).jitter(() -> 0.0).build();
    catchThrowableOfType(SalesforceApiException.class, () -> low.retrieve("Opportunity", OPP));
    assertThat(time.sleeps()).extracting(Duration::toMillis).containsExactly(500L, 1000L, 2000L);

    enqueueStatus(503, 4);
    VirtualTime random = new VirtualTime();
    SalesforceClient real = SalesforceClient.builder().instanceUrl(server.url("/").toString()).accessToken(TOKEN)
        .sleeper(random).clock(random).build();
    catchThrowableOfType(SalesforceApiException.class, () -> real.retrieve("Opportunity", OPP));
    List<Duration> sleeps = random.sleeps();
    assertThat(sleeps).hasSize(3);
    for (int i = 0; i < 3; i++) {
      long nominal = 1000L << i;
      assertThat(sleeps.get(i).toMillis()).as("wait %d", i + 1).isBetween(nominal / 2, nominal);
    }
  }

  @Test
  void theTimeBudgetStopsRetryingBeforeTheAttemptLimit() {
    enqueueStatus(503, 10);
    SalesforceClient c = builder().accessToken(TOKEN).jitter(() -> 0.999_999)
        .retryPolicy(new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(16), Duration.ofSeconds(10)))
        .build();
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class, () -> c.retrieve("Opportunity", OPP));

    // waits of 1, 2 and 4 s fit in 10 s; the next (8 s) would end at 15 s
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleeps().stream().mapToLong(Duration::toMillis).sum()).isLessThanOrEqualTo(10_000);
    assertThat(e.getMessage()).contains("gave up after 4 attempts");
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("").build());
    enqueueJson(200, RECORD);
    client.retrieve("Opportunity", OPP);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    String in12s = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(12).atOffset(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", in12s).body("").build());
    enqueueJson(200, RECORD);
    client.retrieve("Opportunity", OPP);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void aRetryAfterBeyondTheBudgetFailsAtOnceAndSaysHowLongSalesforceAskedFor() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "300").body("maintenance").build());
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class, () -> client.retrieve("Opportunity", OPP));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
    assertThat(e.getMessage()).contains("asked to wait 300 s").contains("maintenance");
  }

  @Test
  void requestLimitExceededIsNeverRetriedAndStatesTheDailyUsage() {
    server.enqueue(new MockResponse.Builder().code(403).addHeader("Sforce-Limit-Info", "api-usage=15002/15000")
        .body("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]").build());
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class, () -> client.retrieve("Opportunity", OPP));
    assertThat(e.kind()).isEqualTo(Kind.API_LIMIT_EXCEEDED);
    assertThat(e.getMessage()).contains("daily usage 15002/15000 API calls used in the last 24 hours")
        .contains("retrying now will not help");
    assertThat(server.getRequestCount()).isEqualTo(1);

    enqueueJson(403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
    e = catchThrowableOfType(SalesforceApiException.class, () -> client.retrieve("Opportunity", OPP));
    assertThat(e.getMessage()).contains("sent no Sforce-Limit-Info header");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aGetWhoseConnectionDroppedIsRetried() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    enqueueJson(200, RECORD);
    assertThat(client.retrieve("Opportunity", OPP).id()).contains(OPP);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aSingleFieldPatchWhoseConnectionDroppedIsRetriedButAPostIsNot() {
    enqueueJson(200, RECORD); // leaves a pooled connection
    client.retrieve("Opportunity", OPP);
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    client.update("Opportunity", OPP, Map.of("NextStep", "Call back"));
    assertThat(server.getRequestCount()).isEqualTo(3);

    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().code(201).body("{\"id\":\"00T000000000001EAA\",\"success\":true}").build());
    SalesforceTransportException e = catchThrowableOfType(SalesforceTransportException.class,
        () -> client.create("Task", Map.of("Subject", "Call")));
    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e.getMessage()).contains("Check the record in Salesforce before repeating a write");
    assertThat(server.getRequestCount()).as("the POST was sent once").isEqualTo(4);
  }

  @Test
  void aPostThatCertainlyNeverLeftIsRetried() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    SalesforceClient c = SalesforceClient.builder().instanceUrl("http://127.0.0.1:" + closedPort).accessToken(TOKEN)
        .sleeper(time).clock(time).build();
    SalesforceTransportException e = catchThrowableOfType(SalesforceTransportException.class,
        () -> c.create("Task", Map.of("Subject", "Call")));
    assertThat(e.outcomeUnknown()).isFalse();
    assertThat(e.getMessage()).contains("was not sent").contains("gave up after 4 attempts");
    assertThat(time.sleeps()).hasSize(3);
  }

  @Test
  void anInterruptWhileWaitingEndsTheCallWithoutFurtherAttempts() {
    enqueueStatus(503, 2);
    SalesforceClient c = builder().accessToken(TOKEN).sleeper(d -> {
      throw new InterruptedException();
    }).build();
    SalesforceTransportException e = catchThrowableOfType(SalesforceTransportException.class,
        () -> c.retrieve("Opportunity", OPP));
    assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();
    assertThat(e.getMessage()).contains("interrupted while waiting to retry");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesCanBeTurnedOff() {
    enqueueStatus(503, 1);
    SalesforceClient c = builder().accessToken(TOKEN).retryPolicy(RetryPolicy.NONE).build();
    catchThrowableOfType(SalesforceApiException.class, () -> c.retrieve("Opportunity", OPP));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(c.retryPolicy()).isEqualTo(RetryPolicy.NONE);
    assertThat(client.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
  }

  private void startFreshServer() {
    try {
      startServer();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
