package io.revops.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when something sleeps on it: polling and retries run instantly and deterministically. */
public final class VirtualTime extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();

  public VirtualTime(Instant start) {
    this.now = start;
  }

  public VirtualTime() {
    this(Instant.parse("2026-05-01T00:00:00Z"));
  }

  @Override
  public synchronized void sleep(Duration duration) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    sleeps.add(duration);
    now = now.plus(duration);
  }

  public synchronized Duration elapsedSince(Instant start) {
    return Duration.between(start, now);
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
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
    throw new UnsupportedOperationException();
  }
}
