package io.revops.core.config;

import java.util.Optional;

/**
 * Every environment variable revops-mcp reads, with its default and what it does: the single
 * source for {@link RevOpsConfig#fromEnvironment} and for the server's {@code --help}.
 */
public enum ConfigVariable {
  CLARI_API_TOKEN(null, true, "Clari API token (Clari: Settings > API Token). Enables the Clari tools."),
  CLARI_API_TOKEN_COMMAND(null, true,
      "Instead of CLARI_API_TOKEN: a command printing the token (for example op read op://vault/clari/token),"
          + " run at first use and again after a 401. Its output is never shown."),
  CLARI_BASE_URL("https://api.clari.com/v4", false, "Clari API base URL."),
  CLARI_FORECAST_ID(null, false,
      "Default Forecast Tab id, the slug in the Clari forecast URL (for example net_arr)."),
  CLARI_POLL_MAX_ATTEMPTS("12", false,
      "With CLARI_POLL_INTERVAL_SECONDS, how long to wait for a forecast export job (1-1000)."),
  CLARI_POLL_INTERVAL_SECONDS("5", false,
      "Steady polling interval for export jobs, after the first quick polls (1-300)."),
  CLARI_SYNC_FORECAST("true", false,
      "Try Clari's one-request forecast read before falling back to an export job."),
  SFDC_INSTANCE_URL(null, false, "Salesforce My Domain URL, for example https://acme.my.salesforce.com. Required"
      + " with every credential; the instance URL of a token response wins when it differs."),
  SFDC_ACCESS_TOKEN(null, true, "Static OAuth access token of the integration user (cannot be refreshed; with"
      + " SFDC_REFRESH_TOKEN it is used until it expires)."),
  SFDC_ACCESS_TOKEN_COMMAND(null, true, "Instead of a token: a command printing one, or the JSON of"
      + " sf org display --json (result.accessToken, result.instanceUrl); run at first use and after a 401."),
  SFDC_CLIENT_ID(null, false, "Consumer key of the Connected App or External Client App (refresh-token, JWT"
      + " bearer and client-credentials flows)."),
  SFDC_CLIENT_SECRET(null, true, "Consumer secret: the client-credentials flow, and the refresh-token flow when"
      + " the app requires it."),
  SFDC_REFRESH_TOKEN(null, true, "Refresh token of the integration user: selects the refresh-token flow"
      + " (with SFDC_CLIENT_ID)."),
  SFDC_USERNAME(null, false, "Username the JWT bearer flow issues tokens for."),
  SFDC_JWT_KEY_FILE(null, false, "Path of the PEM RSA private key whose certificate is uploaded to the app:"
      + " selects the JWT bearer flow (with SFDC_CLIENT_ID and SFDC_USERNAME)."),
  SFDC_LOGIN_URL("https://login.salesforce.com", false, "OAuth login URL of the refresh-token and JWT flows;"
      + " https://test.salesforce.com or the My Domain URL for sandboxes. Client credentials use the My Domain"
      + " (SFDC_INSTANCE_URL unless this names one)."),
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
