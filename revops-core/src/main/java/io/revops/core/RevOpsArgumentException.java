package io.revops.core;

import java.util.Objects;

/**
 * A caller passed a value revops-core cannot use. Raised before any HTTP request, it names the
 * argument, says what is wrong with it and how to fix it, so a person (or Claude) can correct the
 * call without reading code.
 */
public final class RevOpsArgumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String argument;
  private final String problem;
  private final String fix;

  public RevOpsArgumentException(String argument, String problem, String fix) {
    super(argument + ": " + problem + ". " + fix);
    this.argument = Objects.requireNonNull(argument, "argument");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.fix = Objects.requireNonNull(fix, "fix");
  }

  /**
   * Wraps an SDK's validation failure whose message already names the argument and the fix (such as
   * {@code SalesforceId.of(value, "oppId")}).
   */
  public RevOpsArgumentException(String argument, IllegalArgumentException sdkRejection) {
    super(sdkRejection.getMessage(), sdkRejection);
    this.argument = Objects.requireNonNull(argument, "argument");
    this.problem = sdkRejection.getMessage();
    this.fix = "";
  }

  /** The name of the offending argument, as the Java API spells it (for example {@code timePeriod}). */
  public String argument() {
    return argument;
  }

  /** What is wrong with the value. */
  public String problem() {
    return problem;
  }

  /** What to pass instead. */
  public String fix() {
    return fix;
  }
}
