package io.revops.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SandboxClockTest {
  private static final Instant NOON = Instant.parse("2026-05-14T12:00:00Z");
  private final MutableClock system = new MutableClock(Instant.parse("2031-01-01T08:30:00Z"));

  @Test
  void theFirstReadingIsTheStartHoweverLongAfterConstructionItComes() {
    SandboxClock clock = new SandboxClock(NOON, system);
    system.advance(Duration.ofMinutes(3));

    assertThat(clock.instant()).isEqualTo(NOON);
  }

  @Test
  void itRunsAtTheSystemClocksPaceFromTheFirstReading() {
    SandboxClock clock = new SandboxClock(NOON, system);
    clock.instant();
    system.advance(Duration.ofSeconds(5));

    assertThat(clock.instant()).isEqualTo(NOON.plusSeconds(5));
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void anotherZoneSharesTheSameFirstReading() {
    SandboxClock clock = new SandboxClock(NOON, system);
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.instant();
    system.advance(Duration.ofSeconds(7));

    assertThat(paris.instant()).isEqualTo(NOON.plusSeconds(7));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  /** A system clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
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
}
