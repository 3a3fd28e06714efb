package io.revops.core.config;

import java.util.Objects;

/**
 * A credential read from the environment. It renders as {@code ***} everywhere ({@code toString},
 * records that hold it, logs), so only the code that sends it to its service ever sees the value.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret cannot be blank");
    }
    return new Secret(value);
  }

  /** The secret itself: call it only where the value is handed to the service that needs it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "***";
  }
}
