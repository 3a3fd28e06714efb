package io.revops.salesforce;

import java.time.Duration;

/**
 * Waits between retries. Injected (with a {@link java.time.Clock}) so that retry behaviour is tested in
 * virtual time; production code uses {@link #system()}.
 */
@FunctionalInterface
public interface Sleeper {
  /** Blocks for {@code duration}; throws when the thread is interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real sleeper ({@link Thread#sleep(long)}). */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
