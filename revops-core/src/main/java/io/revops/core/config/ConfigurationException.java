package io.revops.core.config;

import java.util.Objects;

/**
 * The environment holds a value revops-mcp cannot start with. The message names the variable,
 * what is wrong and what to set instead; it never contains the value of a secret variable.
 */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String variable;

  public ConfigurationException(String variable, String message) {
    super(variable + ": " + message);
    this.variable = Objects.requireNonNull(variable, "variable");
  }

  /** The environment variable at fault. */
  public String variable() {
    return variable;
  }
}
