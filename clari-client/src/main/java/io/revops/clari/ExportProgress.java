package io.revops.clari;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One progress report of an export: Clari's job status (or {@value #WAITING_FOR_SLOT} while waiting for a
 * free concurrent export slot), the attempt number (status checks so far, or slot checks while waiting)
 * and the time elapsed since the export started.
 *
 * @param status Clari's raw job status, or {@value #WAITING_FOR_SLOT}
 * @param attempt 1-based count of status (or slot) checks
 * @param elapsed time since the wait began
 * @param jobId the job, once submitted
 */
public record ExportProgress(String status, int attempt, Duration elapsed, Optional<String> jobId) {
  /** The status reported while no concurrent export slot is free. */
  public static final String WAITING_FOR_SLOT = "waiting for an export slot";

  /** Checks for nulls. */
  public ExportProgress {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(jobId, "jobId");
  }
}
