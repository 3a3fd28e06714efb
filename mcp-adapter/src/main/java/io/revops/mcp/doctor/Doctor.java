package io.revops.mcp.doctor;

import io.revops.clari.ClariApiException;
import io.revops.clari.ClariAuthenticationException;
import io.revops.clari.ClariNotFoundException;
import io.revops.clari.ClariTransportException;
import io.revops.core.RevOps;
import io.revops.core.config.ClariSettings;
import io.revops.core.config.RevOpsConfig;
import io.revops.core.config.SalesforceSettings;
import io.revops.core.forecast.ExportCapacity;
import io.revops.core.forecast.ForecastQuery;
import io.revops.core.forecast.ForecastSummary;
import io.revops.salesforce.FieldDescribe;
import io.revops.salesforce.OrgLimit;
import io.revops.salesforce.PicklistValue;
import io.revops.salesforce.SObjectDescribe;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.UserInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * {@code java -jar revops-mcp.jar doctor}: checks the configuration against the real services (or, with
 * {@code --sandbox}, against the embedded sandbox) and prints a checklist with the fix for each
 * problem: the Clari token (admin limits), that
 * {@code CLARI_FORECAST_ID} resolves, the Salesforce token (userinfo), the API requests left today,
 * that the audit object and its fields exist, and that the commit stage is a StageName value. The
 * doctor only reads: its HTTP client refuses any request but GET, so it can never write to Salesforce
 * or start a Clari export job (which would spend export quota); only the OAuth token request of a
 * Salesforce credential flow is let through besides.
 */
public final class Doctor {
  static final List<String> AUDIT_FIELDS = List.of("Object_Name__c", "Record_Id__c", "Field_Name__c",
      "Old_Value__c", "New_Value__c", "Justification__c", "Performed_By__c");
  private static final String RESTART = " Then restart the server (or run doctor again).";

  private final RevOps revops;

  Doctor(RevOps revops) {
    this.revops = revops;
  }

  /** Runs every check for {@code config}, prints the checklist to {@code out}, returns the exit code. */
  public static int run(RevOpsConfig config, PrintStream out) {
    return run(config, Clock.systemUTC(), out, "the real services");
  }

  /**
   * Like {@link #run(RevOpsConfig, PrintStream)} with the clock of "today", naming what {@code config}
   * points at in the checklist's first line, such as "the embedded sandbox".
   */
  public static int run(RevOpsConfig config, Clock clock, PrintStream out, String target) {
    RevOps revops = RevOps.builder(config)
        .clock(clock)
        .httpClient(() -> new OkHttpClient.Builder().addInterceptor(readOnly()).build())
        .build();
    List<Section> sections = new Doctor(revops).sections();
    print(sections, out, target);
    return sections.stream().flatMap(s -> s.checks().stream()).anyMatch(c -> c.status() == Check.Status.FAIL) ? 1 : 0;
  }

  /** A titled group of checks. */
  record Section(String title, List<Check> checks) {
  }

  List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    revops.config().clari().ifPresent(settings -> sections.add(new Section("Clari (" + settings.baseUrl() + ")",
        clariChecks(settings))));
    revops.config().salesforce().ifPresent(settings -> sections.add(new Section("Salesforce ("
        + settings.instanceUrl() + ", API " + settings.apiVersion() + ")", salesforceChecks(settings))));
    return sections;
  }

  // ---------------------------------------------------------------- Clari

  private List<Check> clariChecks(ClariSettings settings) {
    List<Check> checks = new ArrayList<>();
    Check token = clariToken(settings);
    checks.add(token);
    if (token.status() == Check.Status.FAIL) {
      checks.add(Check.skip("CLARI_FORECAST_ID", "not checked: the Clari token does not work yet."));
    } else {
      checks.add(forecastId(settings));
    }
    return checks;
  }

  private Check clariToken(ClariSettings settings) {
    String title = "Clari API token";
    try {
      ExportCapacity capacity = revops.forecasts().getAdminLimits();
      String detail = "accepted: " + capacity.availableConcurrentSlots() + " of " + capacity.concurrentLimit()
          + " export slots free, " + capacity.availableMonthlyQuota() + " of " + capacity.monthlyQuota()
          + " exports left in the rolling 30 days.";
      if (capacity.availableMonthlyQuota() == 0) {
        return Check.warn(title, detail, "The monthly export quota is used up, so get_forecast works only while"
            + " Clari answers with its one-request read. Wait for the 30-day window, or ask Clari to raise it.");
      }
      return Check.pass(title, detail);
    } catch (ClariAuthenticationException e) {
      return Check.fail(title, "rejected: " + e.getMessage(), "Create a token in Clari (Settings > API Token,"
          + " preferably as a service user) and set CLARI_API_TOKEN." + RESTART);
    } catch (ClariTransportException e) {
      return Check.fail(title, "Clari could not be reached: " + e.getMessage(), "Check CLARI_BASE_URL (now "
          + settings.baseUrl() + ", normally https://api.clari.com/v4) and the network.");
    } catch (ClariApiException e) {
      return Check.fail(title, e.getMessage(), "Fix what Clari's message says, then run doctor again.");
    }
  }

  private Check forecastId(ClariSettings settings) {
    String title = "CLARI_FORECAST_ID";
    if (settings.defaultForecastId().isEmpty()) {
      return Check.warn(title, "not set: every get_forecast call must then name forecast_id.",
          "Set CLARI_FORECAST_ID to the Forecast Tab id, the slug in the Clari forecast URL (net_arr in"
              + " https://app.clari.com/forecast/net_arr).");
    }
    String id = settings.defaultForecastId().get();
    try {
      ForecastSummary summary = revops.forecasts().getForecast(ForecastQuery.defaults());
      return Check.pass(title, "'" + id + "' resolves: " + summary.period().label() + ", " + summary.rows().size()
          + " forecast rows.");
    } catch (ClariNotFoundException e) {
      return Check.fail(title, "'" + id + "' does not resolve: " + e.getMessage(), "Set CLARI_FORECAST_ID to the"
          + " Forecast Tab id from the Clari URL (net_arr in https://app.clari.com/forecast/net_arr)." + RESTART);
    } catch (ClariApiException e) {
      if (isBlockedWrite(e)) {
        return Check.warn(title, "'" + id + "' could not be confirmed without starting an export job: Clari did not"
            + " answer the one-request forecast read" + (settings.syncForecast() ? "" : " (CLARI_SYNC_FORECAST=false)")
            + ", and the doctor never starts export jobs because each spends export quota.",
            "Ask Claude for the forecast once (get_forecast); an unknown id fails with no_such_forecast_config.");
      }
      return Check.fail(title, "'" + id + "' could not be read: " + e.getMessage(),
          "Fix what Clari's message says, then run doctor again.");
    }
  }

  // ---------------------------------------------------------------- Salesforce

  private List<Check> salesforceChecks(SalesforceSettings settings) {
    List<Check> checks = new ArrayList<>();
    Check token = salesforceToken(settings);
    checks.add(token);
    if (token.status() == Check.Status.FAIL) {
      for (String title : List.of("API requests left today", "Audit object " + settings.auditObject(),
          "Commit stage")) {
        checks.add(Check.skip(title, "not checked: the Salesforce token does not work yet."));
      }
      return checks;
    }
    checks.add(apiUsage());
    checks.add(auditObject(settings));
    checks.add(commitStage(settings));
    return checks;
  }

  private Check salesforceToken(SalesforceSettings settings) {
    String title = "Salesforce access token";
    try {
      UserInfo user = revops.salesforceClient().userInfo();
      return Check.pass(title, "accepted (" + settings.credential().method() + "): " + user.name() + " ("
          + user.preferredUsername() + "), org " + user.organizationId() + ".");
    } catch (SalesforceApiException e) {
      String fix = switch (e.kind()) {
        case SESSION_EXPIRED -> "Salesforce rejected the " + settings.credential().method() + ". Renew it: a fresh"
            + " SFDC_ACCESS_TOKEN (for example from `sf org display --verbose`), a new refresh token, or the"
            + " Connected App's certificate and user pre-authorization for JWT." + RESTART;
        case REQUEST_NOT_SENT, OUTCOME_UNKNOWN -> "Check SFDC_INSTANCE_URL (now " + settings.instanceUrl()
            + ": your org's My Domain URL) and the network.";
        default -> "Fix what Salesforce's message says, then run doctor again.";
      };
      return Check.fail(title, "rejected: " + e.getMessage(), fix);
    }
  }

  private Check apiUsage() {
    String title = "API requests left today";
    try {
      Optional<OrgLimit> daily = revops.salesforceClient().limits().dailyApiRequests();
      if (daily.isEmpty()) {
        return Check.warn(title, "Salesforce did not report DailyApiRequests.", "Check the limits in Setup >"
            + " Company Information.");
      }
      OrgLimit limit = daily.get();
      String detail = String.format(Locale.ROOT, "%,d of %,d daily API requests left.", limit.remaining(), limit.max());
      if (limit.remaining() == 0) {
        return Check.fail(title, detail, "The org's API allowance is used up: every Salesforce tool fails until the"
            + " rolling 24-hour window frees requests, or a Salesforce admin raises the limit.");
      }
      if (limit.remaining() * 10 < limit.max()) {
        return Check.warn(title, detail, "Less than 10% is left: other integrations share this allowance.");
      }
      return Check.pass(title, detail);
    } catch (SalesforceApiException e) {
      return Check.fail(title, e.getMessage(), "Fix what Salesforce's message says, then run doctor again.");
    }
  }

  private Check auditObject(SalesforceSettings settings) {
    String object = settings.auditObject();
    String title = "Audit object " + object;
    if (revops.config().readOnly()) {
      return Check.skip(title, "not needed: REVOPS_READ_ONLY=true removes the write tools.");
    }
    SObjectDescribe describe;
    try {
      describe = revops.salesforceClient().describe(object);
    } catch (SalesforceApiException e) {
      if (e.kind() == SalesforceApiException.Kind.NOT_FOUND || e.errorCode().equals("NOT_FOUND")
          || e.errorCode().equals("INVALID_TYPE")) {
        return Check.fail(title, "does not exist, or the API user cannot see it.", "Create the custom object " + object
            + " with the text fields " + String.join(", ", AUDIT_FIELDS) + " (and optionally a Failed__c checkbox and"
            + " an Error__c long text) and give the API user Create on it; or set SFDC_AUDIT_OBJECT to your audit"
            + " object. Or set REVOPS_READ_ONLY=true to run without the write tools.");
      }
      return Check.fail(title, e.getMessage(), "Fix what Salesforce's message says, then run doctor again.");
    }
    List<String> problems = new ArrayList<>();
    if (!describe.createable()) {
      problems.add("the API user may not create " + object + " records");
    }
    List<String> missing = AUDIT_FIELDS.stream().filter(f -> describe.field(f).isEmpty()).toList();
    if (!missing.isEmpty()) {
      problems.add("missing fields " + String.join(", ", missing));
    }
    List<String> readOnly = AUDIT_FIELDS.stream().map(describe::field).flatMap(Optional::stream)
        .filter(f -> !f.createable()).map(FieldDescribe::name).toList();
    if (!readOnly.isEmpty()) {
      problems.add("fields the API user cannot write: " + String.join(", ", readOnly));
    }
    if (!problems.isEmpty()) {
      return Check.fail(title, String.join("; ", problems) + ".", "Add the missing fields (text; Old_Value__c,"
          + " New_Value__c and Justification__c as long text) and grant the API user Create on the object and"
          + " its fields. update_field refuses to write until the audit object is complete.");
    }
    if (describe.field("Failed__c").isEmpty()) {
      return Check.warn(title, "has every required field, but no Failed__c checkbox.", "Add a Failed__c checkbox"
          + " (and an Error__c long text) so that failed updates are recorded too.");
    }
    return Check.pass(title, "has every required field and Failed__c; the API user can create rows.");
  }

  private Check commitStage(SalesforceSettings settings) {
    String stage = settings.commitStageName();
    String title = "Commit stage '" + stage + "'";
    try {
      Optional<FieldDescribe> stageName = revops.salesforceClient().describe("Opportunity").field("StageName");
      if (stageName.isEmpty()) {
        return Check.fail(title, "Opportunity.StageName is not visible to the API user.",
            "Give the API user read access to Opportunity.StageName.");
      }
      if (stageName.get().allowsPicklistValue(stage)) {
        return Check.pass(title, "is an active StageName value.");
      }
      String values = stageName.get().picklistValues().stream().filter(PicklistValue::active)
          .map(PicklistValue::value).collect(Collectors.joining(", "));
      return Check.fail(title, "is not an active StageName value. The org's stages: " + values + ".",
          "Set SFDC_COMMIT_STAGE_NAME to the stage that means commit in your org (the API value, case as shown)."
              + RESTART);
    } catch (SalesforceApiException e) {
      return Check.fail(title, e.getMessage(), "Fix what Salesforce's message says, then run doctor again.");
    }
  }

  // ---------------------------------------------------------------- output

  static void print(List<Section> sections, PrintStream out, String target) {
    out.println("revops-mcp doctor: checking the configuration against " + target + " (read-only).");
    int pass = 0;
    int warn = 0;
    int fail = 0;
    for (Section section : sections) {
      out.println();
      out.println(section.title());
      for (Check check : section.checks()) {
        out.println("  [" + check.status() + "] " + check.title() + ": " + check.detail());
        check.fix().ifPresent(fix -> out.println("         Fix: " + fix));
        switch (check.status()) {
          case PASS -> pass++;
          case WARN -> warn++;
          case FAIL -> fail++;
          default -> { }
        }
      }
    }
    out.println();
    out.println(fail == 0 ? "All checks passed" + (warn > 0 ? " (" + warn + " warning(s))." : ".")
        : fail + " check(s) failed, " + warn + " warning(s), " + pass + " passed. Fix the failures above.");
    out.flush();
  }

  /**
   * Lets only GET through, and the OAuth token requests of the Salesforce credential flows: the doctor
   * must never write or start an export job.
   */
  static Interceptor readOnly() {
    return chain -> {
      boolean tokenRequest = chain.request().method().equals("POST")
          && chain.request().url().encodedPath().equals("/services/oauth2/token");
      if (!chain.request().method().equals("GET") && !tokenRequest) {
        throw new BlockedWriteException(chain.request().method());
      }
      return chain.proceed(chain.request());
    };
  }

  private static boolean isBlockedWrite(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BlockedWriteException) {
        return true;
      }
    }
    return false;
  }

  /** A request the doctor refused to send. */
  static final class BlockedWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    BlockedWriteException(String method) {
      super("revops-mcp doctor sends only GET requests, not " + method);
    }
  }
}
