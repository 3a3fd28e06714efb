package io.revops.mcp.tool;

/**
 * Sends MCP progress notifications for one call. Each report advances the progress counter by one,
 * so clients see a strictly increasing value. Implementations never throw: a progress message that
 * cannot be delivered must not fail the call.
 */
@FunctionalInterface
public interface ProgressReporter {
  /** A reporter for calls whose client sent no progress token. */
  ProgressReporter NONE = message -> { };

  /** Reports progress with a short human-readable status such as "job STARTED, 12 s elapsed". */
  void report(String message);
}
