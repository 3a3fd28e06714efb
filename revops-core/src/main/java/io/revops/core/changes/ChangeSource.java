package io.revops.core.changes;

/** Where a {@link PipelineChanges} answer came from; {@link #description()} says it for people. */
public enum ChangeSource {
  /** Salesforce field history ({@code OpportunityFieldHistory}): one row per tracked field change. */
  SALESFORCE_FIELD_HISTORY("Salesforce field history (OpportunityFieldHistory)"),
  /** Salesforce stage history ({@code OpportunityHistory}): consecutive snapshots compared field by field. */
  SALESFORCE_OPPORTUNITY_HISTORY("Salesforce stage history (OpportunityHistory snapshots, compared one after another)"),
  /** Clari's audit log: what people and jobs did in Clari, not CRM field changes. */
  CLARI_AUDIT_LOG("Clari audit log: actions people took in Clari, NOT Salesforce field changes");

  private final String description;

  ChangeSource(String description) {
    this.description = description;
  }

  /** A sentence naming the source, for people. */
  public String description() {
    return description;
  }
}
