package io.revops.salesforce;

import java.time.Duration;
import java.util.Objects;

/**
 * Network timeouts applied to every Salesforce call.
 *
 * @param connect establishing the TCP/TLS connection
 * @param read waiting for bytes from Salesforce
 * @param call the whole call, including reading the body
 */
public record Timeouts(Duration connect, Duration read, Duration call) {
  /** Connect 10 s, read 60 s, whole call 120 s. */
  public static final Timeouts DEFAULT =
      new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(120));

  public Timeouts {
    requirePositive(connect, "connect");
    requirePositive(read, "read");
    requirePositive(call, "call");
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(
          name + " timeout must be positive, got " + d + ": pass e.g. Duration.ofSeconds(30)");
    }
  }
}
