package io.revops.examples;

import io.revops.clari.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in-process, as {@code java -jar revops-examples.jar} would, capturing stdout and stderr. */
final class Cli {
  /** What a run printed and returned. */
  record Result(int exitCode, String out, String err) {}

  private Cli() {}

  /** Backends whose environment names nothing and whose sandbox must not be needed. */
  static Backends noBackends() {
    return new Backends(Map.of(), () -> {
      throw new AssertionError("this program must not start the sandbox");
    }, Clock.systemUTC(), Sleeper.system());
  }

  static Result run(Backends backends, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = RevOpsExamples.commandLine(backends,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
