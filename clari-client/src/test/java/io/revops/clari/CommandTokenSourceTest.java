package io.revops.clari;

import static io.revops.clari.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTokenSourceTest {
  static final String SECRET_OUTPUT = "clari-secret-output-never-shown";
  static final String LIMITS = "{\"jobs\":{\"concurrentLimit\":3,\"monthlyQuota\":1000,\"availableConcurrentLimit\":3,"
      + "\"availableMonthlyQuota\":995}}";

  @TempDir
  Path dir;
  MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "these tests run commands with /bin/sh, absent here");
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A command that counts its runs in a file and prints token-N for run N, padded with whitespace. */
  String countingCommand() {
    Path runs = dir.resolve("runs");
    return "echo run >> '" + runs + "'; printf '  token-%s \\n' \"$(wc -l < '" + runs + "' | tr -d ' ')\"";
  }

  long runs() throws Exception {
    Path runs = dir.resolve("runs");
    return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
  }

  ClariClient client(ClariTokenSource source) {
    return ClariClient.builder().baseUrl(server.url("/v4").toString()).tokenSource(source)
        .clock(new VirtualTime()).sleeper(new VirtualTime()).build();
  }

  @Test
  void runsAtFirstUseAndAgainWhenClariRejectsTheToken() throws Exception {
    CommandTokenSource source = CommandTokenSource.builder(countingCommand()).label("CLARI_API_TOKEN_COMMAND").build();
    assertThat(runs()).as("nothing runs at construction").isZero();
    server.enqueue(json(200, LIMITS));
    server.enqueue(json(401, "{\"message\":\"Invalid authentication credentials\"}"));
    server.enqueue(json(200, LIMITS));
    ClariClient client = client(source);

    client.getAdminLimits();
    client.getAdminLimits();

    assertThat(server.takeRequest().getHeaders().get("apikey")).isEqualTo("token-1");
    assertThat(server.takeRequest().getHeaders().get("apikey")).isEqualTo("token-1");
    assertThat(server.takeRequest().getHeaders().get("apikey")).isEqualTo("token-2");
    assertThat(runs()).isEqualTo(2);
  }

  @Test
  void manyRejectionsAtOnceShareOneRun() throws Exception {
    CommandTokenSource source = CommandTokenSource.of(countingCommand());
    source.token(false);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return "token-1".equals(request.getHeaders().get("apikey"))
            ? json(401, "{\"message\":\"Invalid authentication credentials\"}") : json(200, LIMITS);
      }
    });
    ClariClient client = client(source);
    int calls = 20;
    CyclicBarrier together = new CyclicBarrier(calls);
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      List<Future<ExportLimits>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        results.add(pool.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return client.getAdminLimits();
        }));
      }
      for (Future<ExportLimits> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).concurrentLimit()).isEqualTo(3);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(runs()).as("the first run, then one re-run for all rejected calls").isEqualTo(2);
  }

  @Test
  void aFailingCommandFailsTheCallWithItsExitCodeButNeverItsOutput() {
    CommandTokenSource source = CommandTokenSource.builder("echo " + SECRET_OUTPUT + "; echo " + SECRET_OUTPUT
        + " >&2; exit 42").label("CLARI_API_TOKEN_COMMAND").build();

    ClariAuthenticationException e = catchThrowableOfType(ClariAuthenticationException.class,
        () -> client(source).getAdminLimits());

    assertThat(e.httpStatus()).isZero();
    assertThat(e.getMessage()).contains("CLARI_API_TOKEN_COMMAND").contains("exit code 42")
        .doesNotContain(SECRET_OUTPUT).doesNotContain("echo");
    assertThat(server.getRequestCount()).as("nothing was sent without a token").isZero();
    assertThat(source.toString()).isEqualTo("CommandTokenSource[CLARI_API_TOKEN_COMMAND]");
  }

  @Test
  void unusableOutputAndHangingCommandsAreRefusedWithoutShowingOutput() {
    record Case(CommandTokenSource source, String expected) {}
    for (Case c : new Case[] {
        new Case(CommandTokenSource.of("true"), "printed nothing"),
        new Case(CommandTokenSource.of("cat"), "printed nothing"), // no stdin: cannot read the MCP stream
        new Case(CommandTokenSource.of("printf 'key: " + SECRET_OUTPUT + "\\nttl: 5m'"), "more than one word"),
        new Case(CommandTokenSource.builder("sleep 30").timeout(Duration.ofMillis(300)).build(),
            "did not finish within 300 ms"),
    }) {
      ClariAuthenticationException e = catchThrowableOfType(ClariAuthenticationException.class,
          () -> c.source().token(false));
      assertThat(e).as(c.expected()).isNotNull();
      assertThat(e.getMessage()).contains(c.expected()).doesNotContain(SECRET_OUTPUT);
    }
  }
}
