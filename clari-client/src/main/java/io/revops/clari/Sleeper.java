package io.revops.clari;

import java.time.Duration;

/** Waits for a duration; injected so that polling and retries can be tested and benchmarked in virtual time. */
@FunctionalInterface
public interface Sleeper {
  /** Blocks for {@code duration}; throws when the thread is interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real sleeper ({@link Thread#sleep(long)}). */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
