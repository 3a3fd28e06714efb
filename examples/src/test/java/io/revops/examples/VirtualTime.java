package io.revops.examples;

import io.revops.clari.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when the program sleeps, so polling runs instantly and deterministically. */
final class VirtualTime extends Clock {
  private final AtomicReference<Instant> now;

  VirtualTime(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Sleeping advances the clock by the duration, without waiting. */
  Sleeper sleeper() {
    return duration -> now.updateAndGet(t -> t.plus(duration));
  }

  void advance(Duration duration) {
    now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("virtual time is UTC");
  }
}
