package io.revops.mcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.revops.sandbox.Sandbox;
import io.revops.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drives {@code revops-mcp.jar --sandbox} with the official MCP TypeScript SDK client
 * ({@code src/test/node/e2e-sandbox.mjs}) and checks every tool's answer against the seeded data:
 * {@link SandboxExpectations} computes the expected answers from a sandbox started in this JVM with the
 * jar's seed and the jar's first clock reading (the jar runs with {@code REVOPS_SANDBOX_TODAY}, whose
 * clock starts at noon UTC that day), and the script compares. It also checks that the writes are seen by
 * the next read, that credentials in the environment are ignored, and read-only mode. Skipped, with the
 * reason, where Node.js or npm is missing.
 */
class SandboxEndToEndIT {
  /** A credential in the environment, which --sandbox must ignore and never print. */
  private static final String IGNORED_TOKEN = "ignored-by-sandbox-0f3c";

  @Test
  void everyToolAnswersWithTheSeededData() throws Exception {
    NodeClient client = NodeClient.install();
    Path work = client.work();
    SandboxOptions options = SandboxOptions.builder()
        .clock(Clock.fixed(SandboxExpectations.DAY.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
        .build();
    Map<String, Object> expected;
    try (Sandbox sandbox = Sandbox.start(options)) {
      expected = new SandboxExpectations(sandbox.data(), options).all();
    }

    client.run("e2e-sandbox.mjs", writeConfig(work, expected), (line, answers) -> { });

    assertThat(Files.readString(work.resolve("sandbox-stderr.log")))
        .contains("SAMPLE DATA of a fictional company", "No real Salesforce org or Clari tenant is contacted",
            "ignoring CLARI_API_TOKEN, SFDC_INSTANCE_URL, SFDC_ACCESS_TOKEN", "serving 14 tools")
        .doesNotContain(IGNORED_TOKEN);
  }

  private static Path writeConfig(Path work, Map<String, Object> expected) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("REVOPS_SANDBOX_TODAY", SandboxExpectations.DAY.toString());
    env.put("CLARI_API_TOKEN", IGNORED_TOKEN);
    env.put("SFDC_INSTANCE_URL", "https://ignored.invalid");
    env.put("SFDC_ACCESS_TOKEN", IGNORED_TOKEN);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("java", ProcessHandle.current().info().command().orElse("java"));
    config.put("jar", NodeClient.jar().toAbsolutePath().toString());
    config.put("stderrFile", work.resolve("sandbox-stderr.log").toString());
    config.put("readOnlyStderrFile", work.resolve("sandbox-readonly-stderr.log").toString());
    config.put("secrets", List.of(IGNORED_TOKEN, Sandbox.CLARI_API_TOKEN, Sandbox.SALESFORCE_ACCESS_TOKEN));
    config.put("env", env);
    config.put("expected", expected);
    Path file = work.resolve("sandbox-config.json");
    Files.writeString(file, McpJsonDefaults.getMapper().writeValueAsString(config));
    return file;
  }
}
