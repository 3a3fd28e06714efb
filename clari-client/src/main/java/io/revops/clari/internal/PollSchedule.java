package io.revops.clari.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** When to check an export job's status, as offsets from the start of waiting. */
public final class PollSchedule {
  private static final Duration MIN_EARLY_STEP = Duration.ofMillis(500);
  private static final int MAX_EARLY_POLLS = 4;

  private PollSchedule() {
  }

  /**
   * The offsets for {@code maxAttempts} x {@code interval}.
   *
   * <p>Why this shape: the polls are a superset of fixed polling's (interval, 2 x interval, ...), so the
   * delay between a job finishing and our result is never worse than fixed polling's for any duration;
   * on top of those we add at most four early polls at fifths of the first interval (1, 2, 3, 4 s for
   * 5 s; never closer than 0.5 s), so a job finishing within the first interval is noticed within
   * interval/5 (1 s) at a cost of at most four extra status calls. The total wait stays bounded by
   * maxAttempts x interval, the seed's meaning of the two knobs.
   */
  public static List<Duration> offsets(Duration interval, int maxAttempts) {
    List<Duration> offsets = new ArrayList<>();
    Duration step = interval.dividedBy(MAX_EARLY_POLLS + 1);
    if (step.compareTo(MIN_EARLY_STEP) < 0) {
      step = MIN_EARLY_STEP;
    }
    for (int k = 1; k <= MAX_EARLY_POLLS && step.multipliedBy(k).compareTo(interval) < 0; k++) {
      offsets.add(step.multipliedBy(k));
    }
    for (int k = 1; k <= maxAttempts; k++) {
      offsets.add(interval.multipliedBy(k));
    }
    return List.copyOf(offsets);
  }
}
