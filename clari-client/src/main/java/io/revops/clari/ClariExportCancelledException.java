package io.revops.clari;

import java.util.Optional;

/**
 * The caller cancelled the export (cancellation token or thread interrupt). Polling stopped and this
 * client asked Clari to cancel the job; {@link #clariCancellation()} is Clari's answer, empty when the
 * cancel request itself failed (then {@link #getSuppressed()} holds why).
 */
public class ClariExportCancelledException extends ClariExportException {
  private static final long serialVersionUID = 1L;
  private final transient JobCancellation cancellation;

  /**
   * Creates the exception; {@code jobId} is null when no job was submitted yet, {@code cancellation} null when
   * the cancel request failed or was not needed.
   */
  public ClariExportCancelledException(String jobId, JobCancellation cancellation) {
    super(jobId == null ? "The export was cancelled by the caller before a Clari job was submitted."
        : "Export of Clari job " + jobId + " was cancelled by the caller; "
        + (cancellation == null ? "cancelling the job at Clari failed, cancel it with cancelExportJob(\"" + jobId + "\")."
            : "Clari answered " + cancellation.status() + "."), jobId == null ? "" : jobId, null);
    this.cancellation = cancellation;
  }

  /** Clari's answer to the cancel request. */
  public Optional<JobCancellation> clariCancellation() {
    return Optional.ofNullable(cancellation);
  }
}
