package io.revops.clari;

import java.util.Objects;

/**
 * Clari's answer to {@code PATCH /export/jobs/{jobId}} with {@code {"type":"CANCEL"}}.
 *
 * @param status the job status after cancelling (normally CANCELLED or ABORTED)
 * @param successful whether Clari reports the cancel as successful
 */
public record JobCancellation(JobStatus status, boolean successful) {
  /** Checks that status is present. */
  public JobCancellation {
    Objects.requireNonNull(status, "status");
  }
}
