package io.revops.clari;

/**
 * An export job did not produce results: it ended FAILED/CANCELLED/ABORTED, timed out, or the caller
 * cancelled it. Always names the Clari job id.
 */
public class ClariExportException extends ClariApiException {
  private static final long serialVersionUID = 1L;
  private final String jobId;

  /** Creates the exception for job {@code jobId}. */
  public ClariExportException(String message, String jobId, Throwable cause) {
    super(message, 0, null, null, cause);
    this.jobId = jobId;
  }

  /** The Clari export job id. */
  public String jobId() {
    return jobId;
  }
}
