package io.revops.core.pipeline;

import io.revops.clari.ClariClient;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.salesforce.DescribeCache;
import io.revops.salesforce.SalesforceClient;
import io.revops.salesforce.soql.SoqlGuard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The Salesforce pipeline questions a RevOps team asks: pipeline by stage, stale opportunities and
 * at-risk commits. Thread-safe.
 *
 * <p>"Today" is the UTC date of the injected {@link Clock}, and "now" its instant; every date window
 * below is computed from them. Every argument is checked before any request, and every query is built
 * from validated values and passes the {@link SoqlGuard}. The Opportunity describe is read through the
 * shared {@link DescribeCache} (once per process). Each operation has a {@code plan...} twin that
 * validates the same way and returns the requests it would send, sending nothing (not even the
 * describe); its notes say which steps depend on earlier answers.
 */
public final class PipelineService {
  /** The default close-date window of {@link #pipelineByStage()}. */
  public static final int DEFAULT_WINDOW_DAYS = 90;
  /** The default threshold of {@link #staleOpps()}. */
  public static final int DEFAULT_STALE_DAYS = 30;

  private final StageTotals stageTotals;
  private final StaleFinder staleFinder;
  private final AtRiskFinder atRiskFinder;

  /**
   * @param describes the shared describe cache of the same org
   * @param guard the guard every query passes; lists hold at most 200 rows, or its lower maximum
   * @param clock the source of today (its UTC date) and now
   * @param commitStageName the {@code StageName} value treated as commit ({@code SFDC_COMMIT_STAGE_NAME},
   *     usually {@code Commit}); checked against the org on each {@link #atRiskCommits} call
   * @param clari when present, at-risk commits carry Clari's deal scores
   * @throws RevOpsArgumentException naming {@code commitStageName} when it is blank
   */
  public PipelineService(SalesforceClient salesforce, DescribeCache describes, SoqlGuard guard, Clock clock,
      String commitStageName, Optional<ClariClient> clari) {
    SalesforceReads reads = new SalesforceReads(Objects.requireNonNull(salesforce, "salesforce"),
        Objects.requireNonNull(describes, "describes"), Objects.requireNonNull(guard, "guard"),
        Objects.requireNonNull(clock, "clock"));
    if (commitStageName == null || commitStageName.isBlank()) {
      throw new RevOpsArgumentException("commitStageName", "is blank",
          "Set SFDC_COMMIT_STAGE_NAME to the StageName value your team treats as commit, such as Commit");
    }
    this.stageTotals = new StageTotals(reads);
    this.staleFinder = new StaleFinder(reads);
    this.atRiskFinder = new AtRiskFinder(reads, commitStageName.strip(),
        new ClariScoring(Objects.requireNonNull(clari, "clari")));
  }

  /** {@link #pipelineByStage(int, Optional)} over the next {@value #DEFAULT_WINDOW_DAYS} days, all owners. */
  public PipelineByStage pipelineByStage() {
    return pipelineByStage(DEFAULT_WINDOW_DAYS, Optional.empty());
  }

  /**
   * Open opportunities ({@code IsClosed = false}) closing from today through today + {@code
   * closeDateWindowDays} (both inclusive, UTC), counted and summed per stage by two aggregate queries
   * ({@code GROUP BY StageName}: one over the window, one over overdue opportunities, closing before
   * today), so totals are exact however many opportunities exist. Stages come in the org's picklist
   * order; the currency is the org's corporate (or only) currency, read once.
   *
   * <p>Requests: the Opportunity describe and the currency query on first use only, then the two
   * aggregate queries.
   *
   * @param closeDateWindowDays 1 to 3650
   * @param ownerId a User id (005...) to limit the pipeline to one owner
   * @throws RevOpsArgumentException naming {@code closeDateWindowDays} or {@code ownerId}, before any request
   */
  public PipelineByStage pipelineByStage(int closeDateWindowDays, Optional<String> ownerId) {
    return stageTotals.run(PipelineInputs.days("closeDateWindowDays", closeDateWindowDays),
        PipelineInputs.ownerId(ownerId));
  }

  /** The requests {@link #pipelineByStage(int, Optional)} would send; sends nothing. */
  public DryRunPlan planPipelineByStage(int closeDateWindowDays, Optional<String> ownerId) {
    return stageTotals.plan(PipelineInputs.days("closeDateWindowDays", closeDateWindowDays),
        PipelineInputs.ownerId(ownerId));
  }

  /** {@link #staleOpps(int)} with a threshold of {@value #DEFAULT_STALE_DAYS} days. */
  public StaleOpportunities staleOpps() {
    return staleOpps(DEFAULT_STALE_DAYS);
  }

  /**
   * Open opportunities whose last stage change is earlier than now minus {@code daysInStageThreshold}
   * days, stalest first, at most 200 with the total count. The describe decides how the last stage
   * change is read: {@code Opportunity.LastStageChangeDate} as a datetime or a date (each with its own
   * literal), or, when the org has no such field, {@code OpportunityHistory} (see
   * {@link StageChangeSource#OPPORTUNITY_HISTORY} for the limits of that derivation).
   *
   * <p>Requests: the describe on first use, one listing query, and a count query only when the list is full.
   *
   * @param daysInStageThreshold 1 to 3650
   * @throws RevOpsArgumentException naming {@code daysInStageThreshold}, before any request
   */
  public StaleOpportunities staleOpps(int daysInStageThreshold) {
    return staleFinder.run(PipelineInputs.days("daysInStageThreshold", daysInStageThreshold));
  }

  /** The requests {@link #staleOpps(int)} would send; sends nothing. */
  public DryRunPlan planStaleOpps(int daysInStageThreshold) {
    return staleFinder.plan(PipelineInputs.days("daysInStageThreshold", daysInStageThreshold));
  }

  /**
   * Open opportunities in the commit stage flagged by either rule: (a) {@code LastActivityDate} blank or
   * more than 14 days before today; (b) close date from {@code quarterEndDate} − 14 days through
   * {@code quarterEndDate} (inclusive) and no {@code Event} on the opportunity's account starting after
   * now (all-day events: {@code ActivityDate} today or later; timed events: {@code StartDateTime} after
   * now). Each deal says which rule or rules flagged it. With Clari configured, each deal carries its
   * Clari score from one batched call; when Clari fails the deals are still returned, and
   * {@link AtRiskCommits#clari()} says why the scores are missing.
   *
   * <p>Requests: the describe on first use (the commit stage must be one of its {@code StageName}
   * values, checked before any opportunity is queried), one listing query (at most 200 candidates,
   * earliest close date first; a count query when it is full), one aggregate {@code Event} query when
   * any candidate closes near the quarter end, then Clari.
   *
   * @param quarterEndDate an ISO date such as {@code 2026-06-30}
   * @throws RevOpsArgumentException naming {@code quarterEndDate} before any request, or naming
   *     {@code commitStageName} (and listing the org's stages) when the org has no such stage
   */
  public AtRiskCommits atRiskCommits(String quarterEndDate) {
    return atRiskFinder.run(PipelineInputs.isoDate("quarterEndDate", quarterEndDate));
  }

  /** The requests {@link #atRiskCommits(String)} would send; sends nothing. */
  public DryRunPlan planAtRiskCommits(String quarterEndDate) {
    LocalDate quarterEnd = PipelineInputs.isoDate("quarterEndDate", quarterEndDate);
    return atRiskFinder.plan(quarterEnd);
  }
}
