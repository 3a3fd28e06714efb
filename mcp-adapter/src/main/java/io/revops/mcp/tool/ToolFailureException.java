package io.revops.mcp.tool;

import java.util.Objects;

/**
 * A handler's way to end a call with an {@code isError} result of its own, such as "no such record":
 * the {@link ToolRunner} reports {@link #kind()} and the message unchanged.
 */
public final class ToolFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String kind;

  /** A failure of {@code kind} (logged) with an actionable message (shown). */
  public ToolFailureException(String kind, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The machine-readable kind, such as {@code not_found}. */
  public String kind() {
    return kind;
  }
}
