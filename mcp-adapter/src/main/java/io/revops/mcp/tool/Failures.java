package io.revops.mcp.tool;

import io.revops.clari.ClariApiException;
import io.revops.clari.ClariAuthenticationException;
import io.revops.clari.ClariBadRequestException;
import io.revops.clari.ClariCapacityException;
import io.revops.clari.ClariExportCancelledException;
import io.revops.clari.ClariExportFailedException;
import io.revops.clari.ClariExportTimeoutException;
import io.revops.clari.ClariNotFoundException;
import io.revops.clari.ClariRateLimitException;
import io.revops.clari.ClariServerException;
import io.revops.clari.ClariTransportException;
import io.revops.core.RevOpsArgumentException;
import io.revops.core.config.ConfigurationException;
import io.revops.core.forecast.ForecastWaitCancelledException;
import io.revops.core.writes.AuditSetupException;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.soql.SoqlRejectedException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The one place that turns an exception from a tool call into a {@link Failure}: what failed, why,
 * and what to do, in words a model can act on. Messages from the SDKs and core are already
 * actionable and token-free; this adds the MCP-side advice (which variable to change, whether
 * anything was sent, whether to retry). Unknown exceptions are reported by class only.
 */
public final class Failures {
  private static final String NOTHING_SENT = "Nothing was sent to Salesforce or Clari.";
  private static final String RESTART = " Change it in the env block of this server's entry in the MCP client"
      + " configuration, restart the server, and run `java -jar revops-mcp.jar doctor` to check the setup.";

  private Failures() {
  }

  /**
   * Describes {@code error}, raised while running {@code tool}.
   *
   * @param soql the query text when the tool ran one, to point at the position the guard names
   */
  public static Failure describe(String tool, Throwable error, Optional<String> soql) {
    return describe(tool, error, soql, Structured::snakeCase);
  }

  /**
   * Describes {@code error}, naming arguments as the tool spells them.
   *
   * @param argumentName the tool's name for a core argument name (such as {@code opportunityId} to {@code opp_id})
   */
  public static Failure describe(String tool, Throwable error, Optional<String> soql,
      java.util.function.UnaryOperator<String> argumentName) {
    Throwable e = unwrap(error);
    if (e instanceof ToolFailureException failure) {
      return new Failure(failure.kind(), failure.getMessage());
    }
    if (e instanceof RevOpsArgumentException argument) {
      return invalidArgument(argument, argumentName);
    }
    if (e instanceof SoqlRejectedException rejected) {
      return soqlRejected(rejected, soql);
    }
    if (e instanceof ConfigurationException config) {
      return new Failure("configuration", "The server configuration is incomplete or invalid: "
          + sentence(config.getMessage()) + RESTART);
    }
    if (e instanceof AuditSetupException audit) {
      return new Failure("audit_setup", sentence(audit.getMessage()) + " Nothing was written. A Salesforce admin"
          + " must complete " + audit.auditObject() + " first (java -jar revops-mcp.jar doctor lists what is missing).");
    }
    if (e instanceof ForecastWaitCancelledException cancelled) {
      return new Failure("cancelled", sentence(cancelled.getMessage()));
    }
    if (e instanceof SalesforceApiException salesforce) {
      return salesforce(salesforce);
    }
    if (e instanceof ClariApiException clari) {
      return clari(clari);
    }
    if (e instanceof IllegalArgumentException illegal) {
      return new Failure("invalid_argument", "Invalid argument: " + sentence(illegal.getMessage()) + " "
          + NOTHING_SENT + " Correct the arguments and call " + tool + " again.");
    }
    if (isTimeout(e)) {
      return new Failure("timeout", tool + " timed out waiting for the service. Try again in a minute; if it keeps"
          + " happening, ask for less data (a narrower date window or a smaller list).");
    }
    return new Failure("internal", tool + " failed unexpectedly (" + e.getClass().getSimpleName() + "). This is a"
        + " bug in revops-mcp, not in your request: the server log on stderr has the details. Try again, and"
        + " report it if it persists.");
  }

  private static Failure invalidArgument(RevOpsArgumentException e, java.util.function.UnaryOperator<String> names) {
    String name = names.apply(e.argument());
    String explanation = e.fix().isEmpty() ? sentence(e.problem()) : sentence(e.problem()) + " " + sentence(e.fix());
    return new Failure("invalid_argument",
        "Invalid argument " + name + ": " + explanation + " " + NOTHING_SENT + " Correct it and call again.");
  }

  private static Failure soqlRejected(SoqlRejectedException e, Optional<String> soql) {
    String near = soql.map(text -> " Near: " + excerpt(text, e.position()) + ".").orElse("");
    return new Failure("soql_rejected", "The SOQL guard refused the query at position " + e.position() + ": "
        + sentence(e.reason()) + near + " The query tool runs exactly one read-only SELECT (at most 200 rows per"
        + " page). Nothing was sent to Salesforce; rewrite the query and call again.");
  }

  private static Failure salesforce(SalesforceApiException e) {
    String advice = switch (e.kind()) {
      case SESSION_EXPIRED -> " Salesforce no longer accepts this server's credentials: renew the one it is"
          + " configured with (SFDC_ACCESS_TOKEN, for example from `sf org display --verbose`; or the refresh"
          + " token, JWT key or token command)." + RESTART;
      case OUTCOME_UNKNOWN -> " The request may still have been processed: check the record in Salesforce before"
          + " repeating a write.";
      case REQUEST_NOT_SENT -> " Nothing reached Salesforce: check SFDC_INSTANCE_URL and the network, then retry.";
      default -> "";
    };
    return new Failure("salesforce_" + e.kind().name().toLowerCase(Locale.ROOT), sentence(e.getMessage()) + advice);
  }

  private static Failure clari(ClariApiException e) {
    if (e instanceof ClariExportTimeoutException timeout) {
      return new Failure("clari_export_timeout", "The Clari forecast export (job " + timeout.jobId() + ") had not"
          + " finished after " + timeout.waited().toSeconds() + " s (last status " + timeout.lastStatus() + "); it is"
          + " still running at Clari. Ask again in a minute or two, or raise CLARI_POLL_MAX_ATTEMPTS for large"
          + " forecasts. Each new export spends the org's monthly export quota (see get_admin_limits).");
    }
    if (e instanceof ClariExportCancelledException) {
      return new Failure("cancelled", "The forecast export was cancelled at the client's request. "
          + sentence(e.getMessage().replaceAll("cancel it with cancelExportJob\\(\"[^\"]*\"\\)",
              "it may still count against the export quota until it ends")));
    }
    String kind = e instanceof ClariExportFailedException ? "clari_export_failed"
        : e instanceof ClariAuthenticationException ? "clari_authentication"
        : e instanceof ClariNotFoundException ? "clari_not_found"
        : e instanceof ClariCapacityException ? "clari_capacity"
        : e instanceof ClariRateLimitException ? "clari_rate_limited"
        : e instanceof ClariServerException ? "clari_server_error"
        : e instanceof ClariTransportException ? "clari_unreachable"
        : e instanceof ClariBadRequestException ? "clari_bad_request"
        : "clari_error";
    String advice = switch (kind) {
      case "clari_authentication" -> " Renew CLARI_API_TOKEN if it was revoked." + RESTART;
      case "clari_unreachable" -> " Check CLARI_BASE_URL and the network, then retry.";
      default -> "";
    };
    String message = sentence(e.getMessage().replace("getAdminLimits()", "get_admin_limits"));
    return new Failure(kind, message + advice);
  }

  private static String excerpt(String soql, int position) {
    int at = Math.max(0, Math.min(position, soql.length()));
    int from = Math.max(0, at - 30);
    int to = Math.min(soql.length(), at + 30);
    return (from > 0 ? "…" : "") + soql.substring(from, at) + " ⟪here⟫ " + soql.substring(at, to)
        + (to < soql.length() ? "…" : "");
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof java.util.concurrent.CompletionException
        || e instanceof java.util.concurrent.ExecutionException
        || e instanceof java.lang.reflect.UndeclaredThrowableException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** The text with a final full stop, so that sentences can be joined. */
  private static String sentence(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return "(no details)";
    }
    char last = t.charAt(t.length() - 1);
    return last == '.' || last == '!' || last == '?' ? t : t + ".";
  }
}
