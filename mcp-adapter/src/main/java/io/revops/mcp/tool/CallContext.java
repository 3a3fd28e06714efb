package io.revops.mcp.tool;

import java.util.Objects;

/**
 * What a handler may use besides its arguments while its call runs: a way to report progress to the
 * client, and the call's cancellation state.
 *
 * @param progress reports progress; does nothing when the client asked for none
 * @param cancellation tells whether the client cancelled this call
 */
public record CallContext(ProgressReporter progress, RequestCancellation cancellation) {
  public CallContext {
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancellation, "cancellation");
  }

  /** A context with no progress reporting and no cancellation (tests, command-line use). */
  public static CallContext none() {
    return new CallContext(ProgressReporter.NONE, RequestCancellation.NEVER);
  }
}
