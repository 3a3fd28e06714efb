package io.revops.core.pipeline;

/** Where the time an opportunity entered its current stage was read from. */
public enum StageChangeSource {
  /** {@code Opportunity.LastStageChangeDate}, as described by the org (a date or a datetime). */
  LAST_STAGE_CHANGE_DATE,
  /**
   * {@code Opportunity.CreatedDate}: the opportunity has no {@code LastStageChangeDate}, so no stage
   * change is recorded and it has been in its stage since it was created.
   */
  CREATED_DATE,
  /**
   * The latest {@code OpportunityHistory} row (the org has no {@code LastStageChangeDate}). That row
   * records the last change of stage, amount, probability, close date or forecast category, so the
   * stage began at or before it: the days in stage shown are a lower bound.
   */
  OPPORTUNITY_HISTORY
}
