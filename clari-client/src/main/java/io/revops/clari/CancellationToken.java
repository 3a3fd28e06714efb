package io.revops.clari;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a caller cancel a running {@link ClariClient#exportForecast} or {@link ClariClient#awaitJob}
 * from another thread (or from a progress listener). Once cancelled it stays cancelled; thread-safe.
 */
public final class CancellationToken {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** Requests cancellation: polling stops at its next check and the Clari job is cancelled. */
  public void cancel() {
    cancelled.set(true);
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled.get();
  }

  @Override
  public String toString() {
    return "CancellationToken[cancelled=" + isCancelled() + "]";
  }
}
