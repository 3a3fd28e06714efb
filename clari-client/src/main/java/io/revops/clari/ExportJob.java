package io.revops.clari;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Clari export job as reported by {@code GET /export/jobs/{jobId}} (wrapped in {@code {"job":...}} or not).
 *
 * @param jobId Clari's job id
 * @param status the parsed status ({@link JobStatus#UNKNOWN} for values outside Clari's enum)
 * @param rawStatus the status exactly as Clari sent it ("" when absent)
 * @param title the forecast tab title
 * @param startTime when the job started
 * @param endTime when the job ended
 * @param expiredTime when the results expire
 * @param fileName the results file name
 * @param fileType {@code JSON} or {@code CSV}
 * @param rowsTruncated true when Clari truncated rows server-side
 * @param cellsTruncated true when Clari truncated cells server-side
 */
public record ExportJob(String jobId, JobStatus status, String rawStatus, Optional<String> title,
    Optional<Instant> startTime, Optional<Instant> endTime, Optional<Instant> expiredTime,
    Optional<String> fileName, Optional<String> fileType, boolean rowsTruncated, boolean cellsTruncated) {
  /** Checks that no component is null. */
  public ExportJob {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endTime, "endTime");
    Objects.requireNonNull(expiredTime, "expiredTime");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(fileType, "fileType");
  }
}
