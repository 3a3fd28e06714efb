package io.revops.clari;

/** A forecast data type Clari can export ({@code typesToExport}); {@link #wireName()} is Clari's spelling. */
public enum ExportType {
  /** Amounts entered by contributors in forecast call fields (Commit, Best Case, ...). */
  FORECAST("forecast"),
  /** Quota field values. */
  QUOTA("quota"),
  /** Whether the contributor updated the call. */
  FORECAST_UPDATED("forecast_updated"),
  /** Manager overrides. */
  ADJUSTMENT("adjustment"),
  /** CRM aggregation; in the spec's enum, but the spec's own {@code type_not_supported} error says the Export API rejects it. */
  CRM_TOTAL("crm_total"),
  /** Closed amount; in the spec's enum, but the spec's own {@code type_not_supported} error says the Export API rejects it. */
  CRM_CLOSED("crm_closed");

  private final String wireName;

  ExportType(String wireName) {
    this.wireName = wireName;
  }

  /** The value Clari expects, e.g. {@code forecast_updated}. */
  public String wireName() {
    return wireName;
  }
}
