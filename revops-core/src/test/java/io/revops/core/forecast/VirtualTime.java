package io.revops.core.forecast;

import io.revops.clari.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that moves only when something sleeps on it or a test advances it: polling, retries and
 * cache expiry run instantly and deterministically. Shared by the tests and the benchmark.
 */
public final class VirtualTime extends Clock implements Sleeper {
  private Instant now;

  public VirtualTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized void sleep(Duration duration) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    now = now.plus(duration);
  }

  /** Moves the clock forward. */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("VirtualTime is UTC only");
    }
    return this;
  }
}
