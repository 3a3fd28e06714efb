package io.revops.sandbox;

import io.revops.sandbox.internal.FaultState;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Switches that make the sandbox fail the way the real services do, for tests. Each switch applies to
 * what follows it; {@link #reset()} clears them all. Thread-safe; methods return {@code this} to chain.
 */
public final class Faults {
  private static final Set<Integer> SALESFORCE_STATUSES = Set.of(401, 403, 404, 500, 503);
  private static final Set<Integer> CLARI_STATUSES = Set.of(401, 403, 404, 429, 500, 502, 503, 504);
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final FaultState state;

  Faults(FaultState state) {
    this.state = state;
  }

  /** {@link #respondNext(Service, int, int)} once. */
  public Faults respondNext(Service service, int status) {
    return respondNext(service, status, 1);
  }

  /**
   * The next {@code times} requests to {@code service} get {@code status} with that service's error body
   * instead of an answer. Salesforce: 401 {@code INVALID_SESSION_ID}, 403 {@code REQUEST_LIMIT_EXCEEDED},
   * 404, 500 {@code UNKNOWN_EXCEPTION}, 503. Clari: 401 (gateway), 403, 404, 429
   * ({@code {"error":"API rate limit exceeded"}}, no Retry-After, as the spec publishes none), 500, 502,
   * 503, 504.
   */
  public Faults respondNext(Service service, int status, int times) {
    Objects.requireNonNull(service, "service");
    Set<Integer> allowed = service == Service.SALESFORCE ? SALESFORCE_STATUSES : CLARI_STATUSES;
    if (!allowed.contains(status)) {
      throw new IllegalArgumentException("status " + status + " is not a failure the sandbox emulates for " + service
          + "; use one of " + allowed + (service == Service.SALESFORCE && status == 429
              ? " (Salesforce reports an exhausted API limit as 403 REQUEST_LIMIT_EXCEEDED, not 429)" : ""));
    }
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    state.respondNext(service == Service.SALESFORCE ? FaultState.Target.SALESFORCE : FaultState.Target.CLARI,
        status, times);
    return this;
  }

  /**
   * The next composite subrequest with this {@code referenceId} fails with 400
   * {@code FIELD_CUSTOM_VALIDATION_EXCEPTION} (a validation rule), so {@code allOrNone} rolls back.
   */
  public Faults failNextSubrequest(String referenceId) {
    return failNextSubrequest(referenceId, "FIELD_CUSTOM_VALIDATION_EXCEPTION",
        "Sandbox fault: a validation rule rejected subrequest '" + referenceId + "'");
  }

  /** The next composite subrequest with this {@code referenceId} fails with 400 and the given error. */
  public Faults failNextSubrequest(String referenceId, String errorCode, String message) {
    requireText(referenceId, "referenceId");
    state.failSubrequest(referenceId, failure(errorCode, message));
    return this;
  }

  /**
   * The next update ({@code PATCH}, direct or in a composite call) of a record of {@code sObjectType}
   * fails with 400 {@code FIELD_CUSTOM_VALIDATION_EXCEPTION}; nothing is written.
   */
  public Faults failNextUpdate(String sObjectType) {
    return failNextUpdate(sObjectType, "FIELD_CUSTOM_VALIDATION_EXCEPTION",
        "Sandbox fault: a validation rule rejected the update of this " + sObjectType);
  }

  /** The next update of a record of {@code sObjectType} fails with 400 and the given error. */
  public Faults failNextUpdate(String sObjectType, String errorCode, String message) {
    requireText(sObjectType, "sObjectType");
    state.failUpdate(sObjectType, failure(errorCode, message));
    return this;
  }

  /** Export jobs submitted from now on stay STARTED for {@code runTime} (on the sandbox's clock). */
  public Faults slowExportJobs(Duration runTime) {
    Objects.requireNonNull(runTime, "runTime");
    if (runTime.isNegative()) {
      throw new IllegalArgumentException("runTime must not be negative, was " + runTime);
    }
    state.slowExportJobs(runTime);
    return this;
  }

  /** Export jobs submitted from now on end FAILED instead of DONE. */
  public Faults failExportJobs() {
    state.failExportJobs();
    return this;
  }

  /**
   * The monthly export quota is used up: {@code /admin/limits} reports {@code availableMonthlyQuota} 0 and
   * submitting answers 400 {@code export_monthly_quota_reached}.
   */
  public Faults exhaustExportQuota() {
    state.exhaustExportQuota();
    return this;
  }

  /**
   * {@code GET /forecast/{id}} (the undocumented synchronous read) answers 404, as for a tenant without
   * it, so clients fall back to export jobs.
   */
  public Faults rejectForecastFastPath() {
    state.rejectForecastFastPath();
    return this;
  }

  /** Clears every switch. */
  public void reset() {
    state.reset();
  }

  private static FaultState.Failure failure(String errorCode, String message) {
    if (errorCode == null || !ERROR_CODE.matcher(errorCode).matches()) {
      throw new IllegalArgumentException("errorCode '" + errorCode + "' must look like a Salesforce status code,"
          + " e.g. FIELD_CUSTOM_VALIDATION_EXCEPTION");
    }
    requireText(message, "message");
    return new FaultState.Failure(errorCode, message);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  @Override
  public String toString() {
    return "Faults[sandbox]";
  }
}
