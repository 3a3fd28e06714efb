package io.revops.mcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.mcp.fakes.EndToEndFakes;
import io.revops.mcp.fakes.FakeClari;
import io.revops.mcp.fakes.FakeSalesforce;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the built {@code revops-mcp.jar} over stdio with the official MCP TypeScript SDK client
 * ({@code src/test/node/e2e.mjs}), against fake Clari and Salesforce endpoints on loopback: initialize,
 * tools/list with annotations and schemas, an invalid and a dry-run call per tool that reach neither
 * service (checked here from the fakes' request counts), a valid call per tool, progress notifications
 * of a slow export job, cancellation that cancels the Clari job, read-only mode, and the stderr call
 * log. Skipped, with the reason, where Node.js or npm is missing.
 */
class McpClientEndToEndIT {
  private final MockWebServer clari = new MockWebServer();
  private final MockWebServer salesforce = new MockWebServer();
  private final EndToEndFakes fakes = new EndToEndFakes();
  private final List<String> javaFailures = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    clari.setDispatcher(fakes.clari());
    salesforce.setDispatcher(fakes.salesforce());
    clari.start();
    salesforce.start();
  }

  @AfterEach
  void stop() {
    clari.close();
    salesforce.close();
  }

  @Test
  void theOfficialMcpClientDrivesTheJar() throws Exception {
    NodeClient client = NodeClient.install();
    Path work = client.work();
    List<String> output = client.run("e2e.mjs", writeConfig(NodeClient.jar(), work), this::answerPhase);

    assertThat(javaFailures).as(String.join("\n", output)).isEmpty();
    assertThat(Files.readString(work.resolve("server-stderr.log"))).doesNotContain(FakeClari.TOKEN)
        .doesNotContain(FakeSalesforce.TOKEN).contains("revops-mcp", "serving 14 tools");
  }

  /** Answers the script's PHASE questions from what the fakes saw. */
  private void answerPhase(String line, PrintStream answers) {
    if (line.equals("PHASE zero-http")) {
      answers.println(answer("invalid-argument and dry-run calls reached the fakes",
          clari.getRequestCount() == 0 && salesforce.getRequestCount() == 0,
          "Clari got " + clari.getRequestCount() + ", Salesforce " + salesforce.getRequestCount() + " request(s)"));
    } else if (line.equals("PHASE cancelled")) {
      boolean cancelled;
      try {
        cancelled = fakes.cancelled.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelled = false;
      }
      answers.println(answer("the cancelled export job was not cancelled at Clari", cancelled,
          "no PATCH /export/jobs/job-stuck within 20 s"));
    }
  }

  private String answer(String failure, boolean ok, String details) {
    if (ok) {
      return "ok";
    }
    javaFailures.add(failure + ": " + details);
    return "fail " + details;
  }

  private Path writeConfig(Path jar, Path work) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CLARI_API_TOKEN", FakeClari.TOKEN);
    env.put("CLARI_BASE_URL", clari.url("/v4").toString());
    env.put("CLARI_FORECAST_ID", FakeClari.FORECAST_ID);
    env.put("CLARI_POLL_INTERVAL_SECONDS", "1");
    env.put("CLARI_POLL_MAX_ATTEMPTS", "30");
    env.put("SFDC_INSTANCE_URL", salesforce.url("/").toString());
    env.put("SFDC_ACCESS_TOKEN", FakeSalesforce.TOKEN);
    String java = ProcessHandle.current().info().command().orElse("java");
    String config = "{\"java\":" + quote(java) + ",\"jar\":" + quote(jar.toAbsolutePath().toString())
        + ",\"stderrFile\":" + quote(work.resolve("server-stderr.log").toString())
        + ",\"readOnlyStderrFile\":" + quote(work.resolve("server-readonly-stderr.log").toString())
        + ",\"slowTab\":" + quote(EndToEndFakes.SLOW_TAB) + ",\"stuckTab\":" + quote(EndToEndFakes.STUCK_TAB)
        + ",\"secrets\":[" + quote(FakeClari.TOKEN) + "," + quote(FakeSalesforce.TOKEN) + "]"
        + ",\"ids\":{\"account\":" + quote(EndToEndFakes.ACCOUNT) + ",\"opportunity\":"
        + quote(EndToEndFakes.OPPORTUNITY) + ",\"contact\":" + quote(EndToEndFakes.CONTACT) + ",\"lead\":"
        + quote(EndToEndFakes.LEAD) + "},\"env\":{" + String.join(",", env.entrySet().stream()
            .map(e -> quote(e.getKey()) + ":" + quote(e.getValue())).toList()) + "}}";
    Path file = work.resolve("config.json");
    Files.writeString(file, config);
    return file;
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
