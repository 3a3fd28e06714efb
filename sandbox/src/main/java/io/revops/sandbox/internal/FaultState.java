package io.revops.sandbox.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The faults tests asked for, consumed by the handlers. Thread-safe. */
public final class FaultState {
  /** Which emulated service a canned answer is for. */
  public enum Target { SALESFORCE, CLARI }

  /** An error to answer instead of running a composite subrequest or an update. */
  public record Failure(String errorCode, String message) {}

  private final Map<Target, Deque<Integer>> responses = new HashMap<>();
  private final Map<String, Deque<Failure>> subrequests = new HashMap<>();
  private final Map<String, Deque<Failure>> updates = new HashMap<>();
  private Duration slowExportJobs;
  private boolean failExportJobs;
  private boolean quotaExhausted;
  private boolean fastPathRejected;

  public synchronized void respondNext(Target target, int status, int times) {
    Deque<Integer> queue = responses.computeIfAbsent(target, t -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(status);
    }
  }

  /** The status of the next canned answer for {@code target}, consumed. */
  public synchronized OptionalInt takeResponse(Target target) {
    Integer status = responses.getOrDefault(target, new ArrayDeque<>()).poll();
    return status == null ? OptionalInt.empty() : OptionalInt.of(status);
  }

  public synchronized void failSubrequest(String referenceId, Failure failure) {
    subrequests.computeIfAbsent(referenceId, r -> new ArrayDeque<>()).add(failure);
  }

  public synchronized Optional<Failure> takeSubrequestFailure(String referenceId) {
    return Optional.ofNullable(subrequests.getOrDefault(referenceId, new ArrayDeque<>()).poll());
  }

  public synchronized void failUpdate(String sObjectType, Failure failure) {
    updates.computeIfAbsent(sObjectType.toLowerCase(Locale.ROOT), r -> new ArrayDeque<>()).add(failure);
  }

  public synchronized Optional<Failure> takeUpdateFailure(String sObjectType) {
    return Optional.ofNullable(updates.getOrDefault(sObjectType.toLowerCase(Locale.ROOT), new ArrayDeque<>()).poll());
  }

  public synchronized void slowExportJobs(Duration runTime) {
    this.slowExportJobs = runTime;
  }

  /** The run time new export jobs take instead of the configured one, if a test slowed them. */
  public synchronized Optional<Duration> exportRunTime() {
    return Optional.ofNullable(slowExportJobs);
  }

  public synchronized void failExportJobs() {
    this.failExportJobs = true;
  }

  public synchronized boolean exportJobsFail() {
    return failExportJobs;
  }

  public synchronized void exhaustExportQuota() {
    this.quotaExhausted = true;
  }

  public synchronized boolean exportQuotaExhausted() {
    return quotaExhausted;
  }

  public synchronized void rejectForecastFastPath() {
    this.fastPathRejected = true;
  }

  public synchronized boolean forecastFastPathRejected() {
    return fastPathRejected;
  }

  public synchronized void reset() {
    responses.clear();
    subrequests.clear();
    updates.clear();
    slowExportJobs = null;
    failExportJobs = false;
    quotaExhausted = false;
    fastPathRejected = false;
  }
}
