package io.revops.clari;

import java.util.Objects;
import java.util.Optional;

/**
 * Which read produced a {@link ForecastExport}, and what Clari said about its completeness. Clari does not
 * page export results; it truncates large ones server-side and says so only in the job's status
 * ({@code rowsTruncated}, {@code cellsTruncated}).
 */
public sealed interface ExportSource permits ExportSource.SynchronousRead, ExportSource.JobResults {

  /** True when Clari flagged these results as truncated (rows or cells left out). */
  boolean truncated();

  /**
   * The synchronous {@code GET /forecast/{forecastId}} (latest week, one request, no export job). It carries
   * no truncation flags, so the results are not known to be truncated.
   */
  record SynchronousRead() implements ExportSource {
    @Override
    public boolean truncated() {
      return false;
    }
  }

  /**
   * The results of an export job.
   *
   * @param jobId Clari's job id
   * @param job the job's status when it was DONE, with its truncation flags; empty when the results were
   *     downloaded by id without it ({@link ClariClient#downloadForecastExport(String)}), so truncation is unknown
   */
  record JobResults(String jobId, Optional<ExportJob> job) implements ExportSource {
    /** Checks for nulls. */
    public JobResults {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(job, "job");
    }

    /** True when the job's status flagged rows or cells as truncated. */
    @Override
    public boolean truncated() {
      return rowsTruncated() || cellsTruncated();
    }

    /** True when the job's status flagged rows as truncated. */
    public boolean rowsTruncated() {
      return job.map(ExportJob::rowsTruncated).orElse(false);
    }

    /** True when the job's status flagged cells as truncated. */
    public boolean cellsTruncated() {
      return job.map(ExportJob::cellsTruncated).orElse(false);
    }
  }
}
