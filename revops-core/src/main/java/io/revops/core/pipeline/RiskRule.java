package io.revops.core.pipeline;

/** Why a commit-stage opportunity is at risk. */
public enum RiskRule {
  /** (a) No activity logged, or none in the last 14 days ({@code LastActivityDate} blank or older). */
  NO_RECENT_ACTIVITY,
  /**
   * (b) It closes in the last 14 days of the quarter (quarter end included) and its account has no
   * upcoming meeting: no {@code Event} on the account that starts after now.
   */
  CLOSING_WITHOUT_MEETING
}
