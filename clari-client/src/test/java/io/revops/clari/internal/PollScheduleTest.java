package io.revops.clari.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
  private static Duration s(double seconds) {
    return Duration.ofMillis((long) (seconds * 1000));
  }

  @Test
  void defaultPolicyAddsFourEarlyPollsToFixedFiveSecondPolling() {
    assertThat(PollSchedule.offsets(Duration.ofSeconds(5), 12)).containsExactly(s(1), s(2), s(3), s(4),
        s(5), s(10), s(15), s(20), s(25), s(30), s(35), s(40), s(45), s(50), s(55), s(60));
  }

  @Test
  void otherIntervalsUseFifthsButNeverCloserThanHalfASecond() {
    assertThat(PollSchedule.offsets(Duration.ofSeconds(10), 2)).containsExactly(s(2), s(4), s(6), s(8), s(10), s(20));
    assertThat(PollSchedule.offsets(Duration.ofSeconds(2), 2)).containsExactly(s(0.5), s(1), s(1.5), s(2), s(4));
    assertThat(PollSchedule.offsets(Duration.ofSeconds(1), 1)).containsExactly(s(0.5), s(1));
  }
}
