package io.revops.core.config;

import java.util.Optional;

/**
 * Every environment variable revops-mcp reads, with its default and what it does: the single
 * source for {@link RevOpsConfig#fromEnvironment} and for the server's {@code --help}.
 */
public enum ConfigVariable {
  CLARI_API_TOKEN(null, true, "Clari API token (Clari: Settings > API Token). Enables the Clari tools."),
  CLARI_BASE_URL("https://api.clari.com/v4", false, "Clari API base URL."),
  CLARI_FORECAST_ID(null, false,
      "Default Forecast Tab id, the slug in the Clari forecast URL (for example net_arr)."),
  CLARI_POLL_MAX_ATTEMPTS("12", false,
      "With CLARI_POLL_INTERVAL_SECONDS, how long to wait for a forecast export job (1-1000)."),
  CLARI_POLL_INTERVAL_SECONDS("5", false,
      "Steady polling interval for export jobs, after the first quick polls (1-300)."),
  CLARI_SYNC_FORECAST("true", false,
      "Try Clari's one-request forecast read before falling back to an export job."),
  SFDC_INSTANCE_URL(null, false, "Salesforce My Domain URL, for example https://acme.my.salesforce.com."),
  SFDC_ACCESS_TOKEN(null, true, "Salesforce OAuth access token of the integration user."),
  SFDC_API_VERSION("v60.0", false, "Salesforce REST API version (vNN.N)."),
  SFDC_AUDIT_OBJECT("Cleanup_Audit__c", false, "Custom object that receives one audit row per write."),
  SFDC_COMMIT_STAGE_NAME("Commit", false, "The StageName value that means commit in your org."),
  REVOPS_READ_ONLY("false", false, "true removes the write tools (add_note, update_field)."),
  REVOPS_DRY_RUN("false", false, "true makes every call return its request plan instead of calling the service."),
  REVOPS_WRITABLE_FIELDS(null, false,
      "Optional allow-list of fields update_field may change, for example Opportunity.NextStep,Opportunity.CloseDate."),
  REVOPS_FORECAST_CACHE_TTL_SECONDS("600", false,
      "How long a forecast answer is reused for identical requests (0 disables the cache).");

  private final String defaultValue;
  private final boolean secret;
  private final String description;

  ConfigVariable(String defaultValue, boolean secret, String description) {
    this.defaultValue = defaultValue;
    this.secret = secret;
    this.description = description;
  }

  /** The value used when the variable is unset or blank. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** Whether the value is a credential, never to be printed. */
  public boolean secret() {
    return secret;
  }

  public String description() {
    return description;
  }
}
