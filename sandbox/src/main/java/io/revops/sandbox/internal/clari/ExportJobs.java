package io.revops.sandbox.internal.clari;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Forecast export jobs in virtual time: a job is SCHEDULED for its queue time, STARTED for its run time,
 * then DONE (or FAILED when tests asked for failures), as read from the injected clock. Cancelling makes a
 * scheduled job CANCELLED and a running one ABORTED, and gives its quota back. Thread-safe.
 */
final class ExportJobs {
  /** What was asked for, and when the job runs. */
  record Job(String jobId, ExportRequest request, Instant submittedAt, Duration queueTime, Duration runTime,
      boolean fails, Optional<Instant> cancelledAt, int downloads) {

    String status(Instant now) {
      Instant started = submittedAt.plus(queueTime);
      Instant finished = started.plus(runTime);
      if (cancelledAt.isPresent()) {
        return cancelledAt.get().isBefore(started) ? "CANCELLED" : "ABORTED";
      }
      if (now.isBefore(started)) {
        return "SCHEDULED";
      }
      if (now.isBefore(finished)) {
        return "STARTED";
      }
      return fails ? "FAILED" : "DONE";
    }

    Optional<Instant> endTime(Instant now) {
      if (cancelledAt.isPresent()) {
        return cancelledAt;
      }
      Instant finished = submittedAt.plus(queueTime).plus(runTime);
      return now.isBefore(finished) ? Optional.empty() : Optional.of(finished);
    }

    boolean active(Instant now) {
      return Set.of("SCHEDULED", "STARTED").contains(status(now));
    }
  }

  private final Clock clock;
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private int counter;

  ExportJobs(Clock clock) {
    this.clock = clock;
  }

  synchronized Job submit(ExportRequest request, Duration queueTime, Duration runTime, boolean fails) {
    String id = String.format("66a0c0de%016x", 0x5a0d00L + ++counter);
    Job job = new Job(id, request, clock.instant(), queueTime, runTime, fails, Optional.empty(), 0);
    jobs.put(id, job);
    return job;
  }

  synchronized Optional<Job> get(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  synchronized List<Job> all() {
    return new ArrayList<>(jobs.values());
  }

  /** Cancels a SCHEDULED or STARTED job; empty when it is unknown or already finished. */
  synchronized Optional<Job> cancel(String jobId) {
    Job job = jobs.get(jobId);
    Instant now = clock.instant();
    if (job == null || !job.active(now)) {
      return Optional.empty();
    }
    Job cancelled = new Job(job.jobId(), job.request(), job.submittedAt(), job.queueTime(), job.runTime(), job.fails(),
        Optional.of(now), job.downloads());
    jobs.put(jobId, cancelled);
    return Optional.of(cancelled);
  }

  synchronized void downloaded(String jobId) {
    Job job = jobs.get(jobId);
    jobs.put(jobId, new Job(job.jobId(), job.request(), job.submittedAt(), job.queueTime(), job.runTime(), job.fails(),
        job.cancelledAt(), job.downloads() + 1));
  }

  /** Jobs that count against the rolling 30-day quota: submitted in the last 30 days and not cancelled. */
  synchronized List<String> submittedIds() {
    Instant since = clock.instant().minus(Duration.ofDays(30));
    return jobs.values().stream().filter(j -> j.cancelledAt().isEmpty() && j.submittedAt().isAfter(since))
        .map(Job::jobId).toList();
  }

  synchronized List<String> activeIds() {
    Instant now = clock.instant();
    return jobs.values().stream().filter(j -> j.active(now)).map(Job::jobId).toList();
  }

  synchronized List<String> runningIds() {
    Instant now = clock.instant();
    return jobs.values().stream().filter(j -> j.status(now).equals("STARTED")).map(Job::jobId).toList();
  }
}
