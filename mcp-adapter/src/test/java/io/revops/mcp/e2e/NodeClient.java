package io.revops.mcp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The Node.js side of the end-to-end tests: copies the scripts of {@code src/test/node} into the build
 * directory, installs the official MCP TypeScript SDK there, and runs a script against the built jar.
 * Skips the calling test, with the reason, where Node.js or npm is missing or npm cannot install.
 */
final class NodeClient {
  private static final long SCRIPT_TIMEOUT_SECONDS = 150;
  private static final List<String> FILES = List.of("package.json", "package-lock.json", "harness.mjs", "e2e.mjs",
      "e2e-sandbox.mjs");

  private final Path work;

  private NodeClient(Path work) {
    this.work = work;
  }

  /** Installs the client (once per build directory; npm keeps it up to date) or skips the test. */
  static NodeClient install() throws IOException, InterruptedException {
    assumeTrue(works("node", "--version"), "Node.js is not installed: the end-to-end test with the official MCP"
        + " TypeScript client needs node and npm on the PATH (CI has them)");
    assumeTrue(works("npm", "--version"), "npm is not installed: the end-to-end test needs it to install"
        + " @modelcontextprotocol/sdk");
    Path source = Path.of(property("revops.node.dir"));
    Path work = Path.of(property("revops.build.dir")).resolve("e2e-node");
    Files.createDirectories(work);
    for (String name : FILES) {
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
    return new NodeClient(work);
  }

  /** The built {@code revops-mcp.jar}. */
  static Path jar() {
    Path jar = Path.of(property("revops.jar"));
    assertThat(jar).as("the shaded jar, built in the package phase").exists();
    return jar;
  }

  /** The directory the scripts run in, for their config and log files. */
  Path work() {
    return work;
  }

  /**
   * Runs {@code script} with {@code config} as its argument and returns its output lines, after checking
   * that it ended in time with {@code N passed, 0 failed} and exit code 0. Each line is echoed to stdout
   * and handed to {@code onLine} with a stream for answering the script.
   */
  List<String> run(String script, Path config, BiConsumer<String, PrintStream> onLine)
      throws IOException, InterruptedException {
    Process node = new ProcessBuilder("node", work.resolve(script).toString(), config.toString())
        .directory(work.toFile()).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        PrintStream answers = new PrintStream(node.getOutputStream(), true, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        System.out.println("[" + script + "] " + line);
        output.add(line);
        onLine.accept(line, answers);
      }
    }
    assertThat(node.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("node finished in time").isTrue();
    String transcript = String.join("\n", output);
    assertThat(output).as(transcript).isNotEmpty();
    assertThat(output.get(output.size() - 1)).as(transcript).matches("\\d+ passed, 0 failed");
    assertThat(node.exitValue()).as(transcript).isZero();
    return output;
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
}
