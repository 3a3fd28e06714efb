package io.revops.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.core.config.ConfigVariable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return Main.run(args, env, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpExplainsEveryCommandAndEveryVariable() {
    assertThat(run(Map.of(), "--help")).isEqualTo(Main.OK);
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(help).contains("serve", "doctor", "--dry-run", "--version", "--sandbox", "REVOPS_SANDBOX_TODAY",
        "java -jar revops-mcp.jar --sandbox");
    for (ConfigVariable variable : ConfigVariable.values()) {
      assertThat(help).contains("  " + variable.name());
      variable.defaultValue().ifPresent(value -> assertThat(help).contains("Default: " + value));
    }
  }

  @Test
  void withoutAnyBackendItExitsAtOnceNamingTheVariables() {
    PrintStream stdout = System.out;
    try {
      assertThat(run(Map.of())).isEqualTo(Main.CONFIGURATION_ERROR);
    } finally {
      System.setOut(stdout);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no backend is configured", "CLARI_API_TOKEN",
        "SFDC_INSTANCE_URL", "start it with --sandbox");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anInvalidVariableIsNamed() {
    PrintStream stdout = System.out;
    try {
      assertThat(run(Map.of("CLARI_API_TOKEN", "t0k3n-value", "CLARI_POLL_MAX_ATTEMPTS", "many")))
          .isEqualTo(Main.CONFIGURATION_ERROR);
    } finally {
      System.setOut(stdout);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("CLARI_POLL_MAX_ATTEMPTS", "'many'")
        .doesNotContain("t0k3n-value");
  }

  @Test
  void unknownArgumentsAreAUsageError() {
    assertThat(run(Map.of(), "--verbose")).isEqualTo(Main.USAGE_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--verbose'", "--help");
    assertThat(run(Map.of(), "doctor", "serve")).isEqualTo(Main.USAGE_ERROR);
  }

  @Test
  void commandLineDefaultsToServe() {
    assertThat(CommandLine.parse(new String[0])).isEqualTo(new CommandLine(CommandLine.Command.SERVE, false, false));
    assertThat(CommandLine.parse(new String[] {"--dry-run"}))
        .isEqualTo(new CommandLine(CommandLine.Command.SERVE, true, false));
    assertThat(CommandLine.parse(new String[] {"doctor", "--dry-run"}).command()).isEqualTo(CommandLine.Command.DOCTOR);
    assertThat(CommandLine.parse(new String[] {"--sandbox", "doctor"}))
        .isEqualTo(new CommandLine(CommandLine.Command.DOCTOR, false, true));
    assertThat(CommandLine.parse(new String[] {"--sandbox"}))
        .isEqualTo(new CommandLine(CommandLine.Command.SERVE, false, true));
  }

  @Test
  void doctorPassesEveryCheckAgainstTheSandboxWithoutCredentials() {
    assertThat(run(Map.of("CLARI_API_TOKEN", "real-token-7c1"), "doctor", "--sandbox")).isEqualTo(Main.OK);

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("against the embedded sandbox", "All checks passed.")
        .doesNotContain("[FAIL]", "[WARN]", "[SKIP]");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("SAMPLE DATA", "ignoring CLARI_API_TOKEN")
        .doesNotContain("real-token-7c1");
  }

  @Test
  void anInvalidSandboxDayIsAConfigurationError() {
    PrintStream stdout = System.out;
    try {
      assertThat(run(Map.of("REVOPS_SANDBOX_TODAY", "tomorrow"), "--sandbox")).isEqualTo(Main.CONFIGURATION_ERROR);
    } finally {
      System.setOut(stdout);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("REVOPS_SANDBOX_TODAY: is 'tomorrow', not a date");
  }
}
