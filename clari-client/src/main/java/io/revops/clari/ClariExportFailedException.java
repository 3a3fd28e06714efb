package io.revops.clari;

/** The export job reached a terminal status other than DONE ({@code FAILED}, {@code CANCELLED} or {@code ABORTED}). */
public class ClariExportFailedException extends ClariExportException {
  private static final long serialVersionUID = 1L;
  private final ExportJob job;

  /** Creates the exception for the job in its terminal state. */
  public ClariExportFailedException(ExportJob job) {
    super("Clari export job " + job.jobId() + " ended with status " + job.rawStatus()
        + " and produced no results. Check the forecast tab and time period, then submit a new export"
        + " (or submit with schedule ONCE/MAX to let Clari retry failed runs).", job.jobId(), null);
    this.job = job;
  }

  /** The job as last reported by Clari. */
  public ExportJob job() {
    return job;
  }
}
