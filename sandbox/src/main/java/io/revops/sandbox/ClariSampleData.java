package io.revops.sandbox;

import io.revops.sandbox.internal.clari.ClariModel;
import io.revops.sandbox.internal.salesforce.Store;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The sample Clari tenant, read-only, for computing expected answers: the forecast hierarchy, the
 * forecast tabs and quarters, the latest week's calls and quotas, deal scores and audit events.
 *
 * <p>A rep's Commit is the closed-won amount plus the open {@code Commit}-category amount of the
 * opportunities they own closing in the quarter; Best Case adds the open {@code Best Case} amount;
 * managers and the CRO sum their teams; the {@code renewals} tab counts only {@code Type = 'Renewal'}.
 * Values are whole dollars, computed from the opportunities as they were when the sandbox started.
 */
public final class ClariSampleData {
  /** A user of the forecast hierarchy; {@code crmId} is the Salesforce user id. */
  public record ForecastUser(String userId, String name, String email, String crmId, String scopeId,
      String hierarchyId, String hierarchyName, Optional<String> parentHierarchyId,
      Optional<String> parentHierarchyName) {}

  /** A quarter Clari has data for, e.g. {@code 2026_Q2}. */
  public record TimePeriod(String timePeriodId, String label, LocalDate startDate, LocalDate endDate) {}

  /** Clari's score of an opportunity (0-100) and its reason. */
  public record DealScore(String opportunityId, int score, String message) {}

  /** One audit event; {@code actorName} resolved from the actors list. */
  public record AuditEvent(String actorId, String actorName, String event, String sessionType, Instant timestamp) {}

  /** Field ids of the forecast calls and the quota. */
  public static final String COMMIT = ClariModel.COMMIT.fieldId();
  public static final String BEST_CASE = ClariModel.BEST_CASE.fieldId();
  public static final String QUOTA = ClariModel.QUOTA.fieldId();

  private final ClariModel model;
  private final Store store;
  private final Clock clock;

  ClariSampleData(ClariModel model, Store store, Clock clock) {
    this.model = model;
    this.store = store;
    this.clock = clock;
  }

  /** The forecast tab ids: {@code net_arr} and {@code renewals}. */
  public List<String> forecastIds() {
    return ClariModel.TABS.stream().map(ClariModel.ForecastTab::forecastId).toList();
  }

  /** The current quarter, then the next; other time periods fall back to the current one, as in Clari. */
  public List<TimePeriod> timePeriods() {
    return model.quarters().stream()
        .map(q -> new TimePeriod(q.timePeriodId(), q.label(), q.startDate(), q.endDate())).toList();
  }

  /** The hierarchy: the CRO, two regional managers, eight reps. */
  public List<ForecastUser> users() {
    return model.users().stream().map(u -> new ForecastUser(u.userId(), u.name(), u.email(), u.crmId(), u.scopeId(),
        u.hierarchyId(), u.hierarchyName(), u.parentHierarchyId(), u.parentHierarchyName())).toList();
  }

  /**
   * The latest week's value of {@code fieldId} ({@link #COMMIT}, {@link #BEST_CASE} or {@link #QUOTA}) for
   * a user in a forecast tab and quarter.
   */
  public BigDecimal latestValue(String forecastId, String timePeriodId, String userId, String fieldId) {
    if (model.tab(forecastId).isEmpty()) {
      throw new IllegalArgumentException("forecastId '" + forecastId + "' is not one of " + forecastIds());
    }
    if (model.quarters().stream().noneMatch(q -> q.timePeriodId().equals(timePeriodId))) {
      throw new IllegalArgumentException("timePeriodId '" + timePeriodId + "' is not one of "
          + timePeriods().stream().map(TimePeriod::timePeriodId).toList());
    }
    if (model.users().stream().noneMatch(u -> u.userId().equals(userId))) {
      throw new IllegalArgumentException("userId '" + userId + "' is not a forecast user");
    }
    if (!List.of(COMMIT, BEST_CASE, QUOTA).contains(fieldId)) {
      throw new IllegalArgumentException("fieldId '" + fieldId + "' is not one of " + List.of(COMMIT, BEST_CASE,
          QUOTA));
    }
    return model.latestValue(forecastId, timePeriodId, userId, fieldId);
  }

  /** Clari's current score of an opportunity (as {@code GET /opportunity} answers it), if the id exists. */
  public Optional<DealScore> dealScore(String opportunityId) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    synchronized (store) {
      return store.get("Opportunity", opportunityId).map(o -> {
        ClariModel.Score score = model.score(o, today);
        return new DealScore(opportunityId, score.score(), score.message());
      });
    }
  }

  /** Every audit event, newest first (about 30 days). */
  public List<AuditEvent> auditEvents() {
    return model.auditEvents().stream().map(e -> new AuditEvent(e.actorId(), model.auditActors().stream()
        .filter(a -> a.actorId().equals(e.actorId())).findFirst().map(ClariModel.AuditActor::name).orElse(""),
        e.event(), e.sessionType(), e.timestamp())).toList();
  }
}
