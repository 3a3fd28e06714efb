package io.revops.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.revops.salesforce.SalesforceApiException.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that accepts connections and never answers must end in a timeout error, not a hang. The
 * preemptive limit of each test only guards against a hang; it is far above the configured timeouts.
 */
class TimeoutTest {
  static final SalesforceId OPP = SalesforceId.of("006000000000001");
  static final Duration HANG_GUARD = Duration.ofSeconds(30);

  /** Listens but never calls accept(): the kernel completes the TCP handshake, and no byte ever comes back. */
  ServerSocket silent;
  /** Listens with an accept queue of one and never accepts: once the queue is full, connecting hangs. */
  ServerSocket full;
  final List<Socket> backlogFillers = new ArrayList<>();
  final VirtualTime time = new VirtualTime();

  @BeforeEach
  void listen() throws IOException {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void close() throws IOException {
    for (Socket s : backlogFillers) {
      s.close();
    }
    silent.close();
    full.close();
  }

  SalesforceClient.Builder clientFor(ServerSocket server) {
    return SalesforceClient.builder().instanceUrl("http://127.0.0.1:" + server.getLocalPort()).accessToken("t0ken")
        .sleeper(time).clock(time);
  }

  @Test
  void theReadTimeoutEndsAGetThatGetsNoAnswerAfterItsRetries() {
    SalesforceClient c = clientFor(silent).readTimeout(Duration.ofMillis(300)).build();

    SalesforceTransportException e = assertTimeoutPreemptively(HANG_GUARD,
        () -> catchThrowableOfType(SalesforceTransportException.class, () -> c.retrieve("Opportunity", OPP)));

    assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN);
    assertThat(e.getMessage()).contains("timed out").contains("read 300 ms").contains("gave up after 4 attempts");
    assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void theReadTimeoutEndsAWriteAtOnceAndSaysTheOutcomeIsUnknown() {
    SalesforceClient c = clientFor(silent).readTimeout(Duration.ofMillis(300)).build();

    SalesforceTransportException e = assertTimeoutPreemptively(HANG_GUARD,
        () -> catchThrowableOfType(SalesforceTransportException.class, () -> c.create("Task", Map.of("Subject", "x"))));

    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e.getMessage()).contains("timed out").contains("may or may not have been processed");
    assertThat(time.sleeps()).as("a POST that may have been processed is not retried").isEmpty();
  }

  @Test
  void theCallTimeoutBoundsTheWholeCallEvenWhenTheReadTimeoutIsLong() {
    SalesforceClient c = clientFor(silent).readTimeout(Duration.ofSeconds(60)).callTimeout(Duration.ofMillis(400))
        .retryPolicy(RetryPolicy.NONE).build();

    SalesforceTransportException e = assertTimeoutPreemptively(HANG_GUARD,
        () -> catchThrowableOfType(SalesforceTransportException.class, () -> c.retrieve("Opportunity", OPP)));

    assertThat(e.getMessage()).contains("timed out").contains("whole call 400 ms");
  }

  @Test
  void theConnectTimeoutEndsAConnectionThatIsNeverEstablished() throws IOException {
    // With its accept queue full, a listening socket drops new connection attempts, so connect() waits.
    assumeTrue(fillAcceptQueue(), "this OS does not leave connections pending when the accept queue is full,"
        + " so a hanging connect cannot be reproduced on loopback");
    SalesforceClient c = clientFor(full).connectTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.NONE).build();

    SalesforceTransportException e = assertTimeoutPreemptively(HANG_GUARD,
        () -> catchThrowableOfType(SalesforceTransportException.class, () -> c.create("Task", Map.of("Subject", "x"))));

    assertThat(e.kind()).isEqualTo(Kind.REQUEST_NOT_SENT);
    assertThat(e.getMessage()).contains("was not sent").contains("timed out").contains("connect 300 ms");
  }

  /** Opens connections until one cannot complete; true when the queue is full. */
  private boolean fillAcceptQueue() throws IOException {
    for (int i = 0; i < 64; i++) {
      Socket s = new Socket();
      try {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 200);
        backlogFillers.add(s);
      } catch (SocketTimeoutException full) {
        s.close();
        return true;
      }
    }
    return false;
  }
}
