package io.revops.examples;

/** Placeholder until the sandbox module lands. */
final class SandboxServer {
  private SandboxServer() {}

  static Backends.SampleServer start() {
    throw new IllegalStateException("the built-in sandbox is not available yet");
  }
}
