package io.revops.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.revops.salesforce.AccessToken;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceApiException.Kind;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.SalesforceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTokenProviderTest {
  static final SalesforceId OPP = SalesforceId.of("006000000000001");
  static final String SECRET_OUTPUT = "00DCOMMAND!secret-output-never-shown";

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

  /** A command that counts its runs in a file and prints token-N for run N. */
  String countingCommand() {
    Path runs = dir.resolve("runs");
    return "echo run >> '" + runs + "'; printf '  token-%s \\n' \"$(wc -l < '" + runs + "' | tr -d ' ')\"";
  }

  long runs() throws Exception {
    Path runs = dir.resolve("runs");
    return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
  }

  @Test
  void runsOnceAtFirstUseTrimsTheOutputAndRunsAgainWhenTheTokenIsRejected() throws Exception {
    CommandTokenProvider provider = CommandTokenProvider.builder(countingCommand()).label("SFDC_ACCESS_TOKEN_COMMAND")
        .build();
    assertThat(runs()).as("nothing runs at construction").isZero();

    AccessToken first = provider.current();
    provider.current();
    assertThat(first).isEqualTo(AccessToken.of("token-1"));
    assertThat(runs()).isEqualTo(1);

    assertThat(provider.refresh(first)).contains(AccessToken.of("token-2"));
    assertThat(provider.refresh(first)).as("already replaced: no new run").contains(AccessToken.of("token-2"));
    assertThat(runs()).isEqualTo(2);
  }

  @Test
  void aClientRecoversFromA401ByRunningTheCommandAgain() throws Exception {
    server.enqueue(new MockResponse.Builder().code(401)
        .body("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]").build());
    server.enqueue(new MockResponse.Builder().code(200)
        .body("{\"attributes\":{\"type\":\"Opportunity\"},\"Id\":\"006000000000001AAA\"}").build());
    SalesforceClient client = SalesforceClient.builder().instanceUrl(server.url("/").toString())
        .tokenProvider(CommandTokenProvider.of(countingCommand())).build();

    client.retrieve("Opportunity", OPP);

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void readsTheTokenAndInstanceFromSfOrgDisplayJson() throws Exception {
    String instance = server.url("/").toString().replaceAll("/$", "");
    Path json = Files.writeString(dir.resolve("org.json"), "{\"status\":0,\"result\":{\"id\":\"00D000000000001\","
        + "\"accessToken\":\"00DJSON!token\",\"instanceUrl\":\"" + instance + "\",\"username\":\"u@acme.example\"},"
        + "\"warnings\":[]}\n");
    server.enqueue(new MockResponse.Builder().code(200)
        .body("{\"attributes\":{\"type\":\"Opportunity\"},\"Id\":\"006000000000001AAA\"}").build());
    SalesforceClient client = SalesforceClient.builder().instanceUrl("https://configured.invalid")
        .tokenProvider(CommandTokenProvider.of("cat '" + json + "'")).build();

    client.retrieve("Opportunity", OPP);

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer 00DJSON!token");
  }

  @Test
  void aFailingCommandReportsItsExitCodeButNeverItsOutput() {
    CommandTokenProvider provider = CommandTokenProvider.builder(
        "echo " + SECRET_OUTPUT + "; echo " + SECRET_OUTPUT + "-err >&2; exit 3").label("SFDC_ACCESS_TOKEN_COMMAND").build();

    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class, provider::current);

    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
    assertThat(e.getMessage()).contains("SFDC_ACCESS_TOKEN_COMMAND").contains("exit code 3")
        .doesNotContain(SECRET_OUTPUT).doesNotContain("echo");
    assertThat(provider.toString()).isEqualTo("CommandTokenProvider[SFDC_ACCESS_TOKEN_COMMAND]");
  }

  @Test
  void unusableOutputIsRefusedWithoutBeingShown() {
    record Case(String command, String expected) {}
    for (Case c : new Case[] {
        new Case("true", "printed nothing"),
        new Case("printf '" + SECRET_OUTPUT + " and more'", "more than one word"),
        new Case("printf '{\"result\":{\"token\":\"" + SECRET_OUTPUT + "\"}}'", "result.accessToken"),
        new Case("printf '{not json " + SECRET_OUTPUT + "'", "not JSON"),
        new Case("cat", "printed nothing"), // stdin is closed: the command cannot read ours
    }) {
      SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class,
          () -> CommandTokenProvider.of(c.command()).current());
      assertThat(e).as(c.command()).isNotNull();
      assertThat(e.getMessage()).as(c.command()).contains(c.expected()).doesNotContain(SECRET_OUTPUT);
    }
  }

  @Test
  void aHangingCommandIsStoppedAtItsTimeout() {
    CommandTokenProvider provider = CommandTokenProvider.builder("sleep 30").timeout(Duration.ofMillis(300)).build();
    SalesforceApiException e = catchThrowableOfType(SalesforceApiException.class, provider::current);
    assertThat(e.getMessage()).contains("did not finish within 300 ms");
  }
}
