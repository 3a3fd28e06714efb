package io.revops.examples;

import io.revops.sandbox.Sandbox;
import io.revops.sandbox.SandboxOptions;
import java.time.Instant;
import java.util.Map;

/**
 * The programs' default setup for tests: an empty environment, so every service is the built-in sandbox,
 * sharing one virtual clock with it (export jobs advance as the Clari client "sleeps" between polls).
 */
final class SampleBackends implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-05-20T06:30:00Z");

  final VirtualTime time = new VirtualTime(NOW);
  final Sandbox sandbox = Sandbox.start(SandboxOptions.builder().clock(time).build());
  final Backends backends = new Backends(Map.of(), () -> sandbox, time, time.sleeper());

  @Override
  public void close() {
    backends.close();
    sandbox.close();
  }
}
