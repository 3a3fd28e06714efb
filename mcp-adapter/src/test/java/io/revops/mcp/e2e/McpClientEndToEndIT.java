package io.revops.mcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.revops.mcp.fakes.EndToEndFakes;
import io.revops.mcp.fakes.FakeClari;
import io.revops.mcp.fakes.FakeSalesforce;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
  private static final long NODE_TIMEOUT_SECONDS = 150;

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
    assumeTrue(works("node", "--version"), "Node.js is not installed: the end-to-end test with the official MCP"
        + " TypeScript client needs node and npm on the PATH (CI has them)");
    assumeTrue(works("npm", "--version"), "npm is not installed: the end-to-end test needs it to install"
        + " @modelcontextprotocol/sdk");
    Path jar = Path.of(property("revops.jar"));
    assertThat(jar).as("the shaded jar, built in the package phase").exists();
    Path work = Path.of(property("revops.build.dir")).resolve("e2e-node");
    installClient(Path.of(property("revops.node.dir")), work);

    Process node = new ProcessBuilder("node", work.resolve("e2e.mjs").toString(), writeConfig(jar, work).toString())
        .directory(work.toFile()).redirectErrorStream(true).start();
    List<String> output = converse(node);
    assertThat(node.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("node finished in time").isTrue();

    String transcript = String.join("\n", output);
    assertThat(javaFailures).as(transcript).isEmpty();
    assertThat(output).as(transcript).isNotEmpty();
    assertThat(output.get(output.size() - 1)).as(transcript).matches("\\d+ passed, 0 failed");
    assertThat(node.exitValue()).as(transcript).isZero();
    assertThat(Files.readString(work.resolve("server-stderr.log"))).doesNotContain(FakeClari.TOKEN)
        .doesNotContain(FakeSalesforce.TOKEN).contains("revops-mcp", "serving 14 tools");
  }

  /** Reads the script's output, answering its PHASE questions from what the fakes saw. */
  private List<String> converse(Process node) throws IOException, InterruptedException {
    List<String> output = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        PrintStream answers = new PrintStream(node.getOutputStream(), true, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        System.out.println("[e2e] " + line);
        output.add(line);
        if (line.equals("PHASE zero-http")) {
          answers.println(answer("invalid-argument and dry-run calls reached the fakes",
              clari.getRequestCount() == 0 && salesforce.getRequestCount() == 0,
              "Clari got " + clari.getRequestCount() + ", Salesforce " + salesforce.getRequestCount() + " request(s)"));
        } else if (line.equals("PHASE cancelled")) {
          answers.println(answer("the cancelled export job was not cancelled at Clari",
              fakes.cancelled.await(20, TimeUnit.SECONDS), "no PATCH /export/jobs/job-stuck within 20 s"));
        }
      }
    }
    return output;
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

  /** Copies the script and its package files into the build directory and installs the client there. */
  private static void installClient(Path source, Path work) throws IOException, InterruptedException {
    Files.createDirectories(work);
    for (String name : List.of("package.json", "package-lock.json", "e2e.mjs")) {
      Files.copy(source.resolve(name), work.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund")
        .directory(work.toFile()).redirectErrorStream(true).start();
    String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm install finished").isTrue();
    // An unreachable registry is a missing dependency like a missing Node: skip, saying why.
    assumeTrue(npm.exitValue() == 0 && Files.isDirectory(work.resolve("node_modules/@modelcontextprotocol/sdk")),
        "npm could not install @modelcontextprotocol/sdk (is the npm registry reachable?); the end-to-end test is"
            + " skipped. npm said: " + log.strip());
  }

  private static boolean works(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property " + name + " (set by the failsafe configuration)").isNotBlank();
    return value;
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
