package io.revops.mcp.tool;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes one JSON line per tool call (to stderr in the server): when, which tool, the SHA-256 of the
 * canonical arguments, how long it took, the HTTP statuses seen, the outcome and, on failure, the
 * error kind. It never writes argument values, results or credentials.
 */
public final class CallLog {
  /** How a call ended. */
  public enum Outcome {
    /** The call returned a result. */
    OK,
    /** The call returned its request plan (dry run). */
    DRY_RUN,
    /** The call returned an {@code isError} result. */
    ERROR
  }

  private final PrintStream out;
  private final Clock clock;

  /** A log writing to {@code out}, stamping lines with {@code clock}. */
  public CallLog(PrintStream out, Clock clock) {
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Logs one finished call. */
  public void record(String tool, String argumentsSha256, Duration duration, List<Integer> httpStatuses,
      Outcome outcome, Optional<String> errorKind) {
    StringBuilder line = new StringBuilder(200);
    line.append("{\"ts\":");
    CanonicalJson.appendString(line, clock.instant().toString());
    line.append(",\"tool\":");
    CanonicalJson.appendString(line, tool);
    line.append(",\"args_sha256\":");
    CanonicalJson.appendString(line, argumentsSha256);
    line.append(",\"duration_ms\":").append(duration.toMillis());
    line.append(",\"http\":").append(CanonicalJson.write(httpStatuses));
    line.append(",\"outcome\":");
    CanonicalJson.appendString(line, outcome.name().toLowerCase(java.util.Locale.ROOT));
    errorKind.ifPresent(kind -> {
      line.append(",\"error\":");
      CanonicalJson.appendString(line, kind);
    });
    line.append('}');
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
