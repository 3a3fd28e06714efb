package io.revops.clari;

import java.time.Duration;

/**
 * The export job was still running when the polling budget ran out. The job keeps running at Clari:
 * resume with {@link ClariClient#awaitJob(String, ExportOptions)} or cancel it with
 * {@link ClariClient#cancelExportJob(String)}.
 */
public class ClariExportTimeoutException extends ClariExportException {
  private static final long serialVersionUID = 1L;
  private final Duration waited;
  private final String lastStatus;

  /** Creates the exception after waiting {@code waited} with {@code statusCalls} status checks. */
  public ClariExportTimeoutException(String jobId, Duration waited, int statusCalls, String lastStatus) {
    super("Clari export job " + jobId + " had not finished after " + waited.toSeconds() + " s (" + statusCalls
        + " status checks, last status " + lastStatus + "). It is still running at Clari: resume waiting with"
        + " awaitJob(\"" + jobId + "\", options) (larger maxAttempts or pollInterval give it longer), or cancel"
        + " it with cancelExportJob(\"" + jobId + "\") to free the export slot.", jobId, null);
    this.waited = waited;
    this.lastStatus = lastStatus;
  }

  /** How long this client waited. */
  public Duration waited() {
    return waited;
  }

  /** The last status Clari reported for the job. */
  public String lastStatus() {
    return lastStatus;
  }
}
