package io.revops.clari;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ClariClient#exportForecast} and {@link ClariClient#awaitJob} wait for a job.
 *
 * <p>The budget keeps the meaning of the original knobs: {@code maxAttempts} (default 12, env
 * {@code CLARI_POLL_MAX_ATTEMPTS}) x {@code pollInterval} (default 5 s, {@code CLARI_POLL_INTERVAL_SECONDS})
 * bounds the total wait. Up to four extra early checks are made inside the first interval, so short jobs
 * return within about a second of finishing.
 *
 * @param maxAttempts interval-aligned status checks in the budget (1-1000)
 * @param pollInterval the interval (0.5 s - 10 min)
 * @param listener receives progress
 * @param cancellation cancels the wait (and the Clari job)
 * @param waitForExportSlot read {@code /admin/limits} before submitting and wait while no concurrent slot is free
 * @param maxSlotChecks how many times to check for a slot before failing with {@link ClariCapacityException}
 */
public record ExportOptions(int maxAttempts, Duration pollInterval, ExportProgressListener listener,
    CancellationToken cancellation, boolean waitForExportSlot, int maxSlotChecks) {

  /** Validates the knobs; messages name the argument. */
  public ExportOptions {
    if (maxAttempts < 1 || maxAttempts > 1000) {
      throw new IllegalArgumentException("maxAttempts (CLARI_POLL_MAX_ATTEMPTS) must be 1-1000, was " + maxAttempts);
    }
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (pollInterval.compareTo(Duration.ofMillis(500)) < 0 || pollInterval.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("pollInterval (CLARI_POLL_INTERVAL_SECONDS) must be between 0.5 s and 10 min, was "
          + pollInterval);
    }
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(cancellation, "cancellation");
    if (maxSlotChecks < 1 || maxSlotChecks > 100) {
      throw new IllegalArgumentException("maxSlotChecks must be 1-100, was " + maxSlotChecks);
    }
  }

  /** 12 x 5 s, no listener, a fresh cancellation token, no slot pre-check. */
  public static ExportOptions defaults() {
    return builder().build();
  }

  /** Starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The total wait bound: {@code maxAttempts x pollInterval}. */
  public Duration budget() {
    return pollInterval.multipliedBy(maxAttempts);
  }

  /** Builds {@link ExportOptions}. */
  public static final class Builder {
    private int maxAttempts = 12;
    private Duration pollInterval = Duration.ofSeconds(5);
    private ExportProgressListener listener = ExportProgressListener.none();
    private CancellationToken cancellation = new CancellationToken();
    private boolean waitForExportSlot;
    private int maxSlotChecks = 6;

    private Builder() {
    }

    /** Interval-aligned status checks in the budget (default 12). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The poll interval (default 5 s). */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
      return this;
    }

    /** Receives progress reports. */
    public Builder listener(ExportProgressListener listener) {
      this.listener = listener;
      return this;
    }

    /** Lets the caller cancel. */
    public Builder cancellation(CancellationToken cancellation) {
      this.cancellation = cancellation;
      return this;
    }

    /** Check {@code /admin/limits} first and wait (bounded backoff) for a free concurrent slot. */
    public Builder waitForExportSlot(boolean waitForExportSlot) {
      this.waitForExportSlot = waitForExportSlot;
      return this;
    }

    /** Slot checks before giving up (default 6, backoff 5 s doubling to at most 60 s). */
    public Builder maxSlotChecks(int maxSlotChecks) {
      this.maxSlotChecks = maxSlotChecks;
      return this;
    }

    /** Validates and builds. */
    public ExportOptions build() {
      return new ExportOptions(maxAttempts, pollInterval, listener, cancellation, waitForExportSlot, maxSlotChecks);
    }
  }
}
