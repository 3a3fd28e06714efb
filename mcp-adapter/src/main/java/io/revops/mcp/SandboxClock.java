package io.revops.mcp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's clock when {@code REVOPS_SANDBOX_TODAY} pins its day: its first reading is exactly
 * {@code start}, and it runs on at the pace of the system clock from then, so export jobs still move
 * and "now" still advances. Pinning the first reading (rather than the offset at construction) makes
 * the sample data, which is placed relative to that first reading, the same as the data of a
 * {@code Sandbox} started with {@code Clock.fixed(start, UTC)}: that is what lets a test compute the
 * answers it expects. Thread-safe; UTC (the sample org's time zone) unless {@link #withZone} says otherwise.
 */
final class SandboxClock extends Clock {
  private final Instant start;
  private final Clock system;
  private final AtomicReference<Instant> firstReading;
  private final ZoneId zone;

  SandboxClock(Instant start, Clock system) {
    this(start, system, new AtomicReference<>(), ZoneOffset.UTC);
  }

  private SandboxClock(Instant start, Clock system, AtomicReference<Instant> firstReading, ZoneId zone) {
    this.start = Objects.requireNonNull(start, "start");
    this.system = Objects.requireNonNull(system, "system");
    this.firstReading = firstReading;
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public Instant instant() {
    Instant now = system.instant();
    firstReading.compareAndSet(null, now);
    return start.plus(Duration.between(firstReading.get(), now));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same clock (same first reading) seen from another zone. */
  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new SandboxClock(start, system, firstReading, zone);
  }

  @Override
  public String toString() {
    return "SandboxClock[starts at " + start + "]";
  }
}
