package io.revops.mcp.tools;

import io.revops.clari.CancellationToken;
import io.revops.clari.ExportProgress;
import io.revops.clari.ExportProgressListener;
import io.revops.core.RevOps;
import io.revops.core.forecast.ForecastCallOptions;
import io.revops.core.forecast.ForecastQuery;
import io.revops.core.forecast.ForecastRow;
import io.revops.core.forecast.ForecastSummary;
import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Arguments;
import io.revops.mcp.tool.CallContext;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.ProgressReporter;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.Structured;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolOutput;
import java.util.List;

/** {@code get_forecast}: a Clari forecast tab for one quarter, by person and forecast field. */
final class GetForecastTool {
  private GetForecastTool() {
  }

  static ToolDefinition definition(RevOps revops) {
    return ToolDefinition.builder("get_forecast")
        .title("Get Clari forecast")
        .description(
            "Clari forecast for one quarter: per person in the forecast hierarchy and per forecast field (Commit,"
                + " Best Case, Pipeline...), the call, the quota and attainment. Use it for 'What does Q2 look like"
                + " by segment?' or 'Where is each manager against quota?'.",
            "Limits: one quarter per call; may take 5-30 s when Clari runs an export job (progress is reported);"
                + " answers are cached for a few minutes; each export job spends the org's monthly Clari export"
                + " quota (see get_admin_limits). If Clari answers for another quarter, the figures are withheld"
                + " and the warning says why.")
        .input(Schema.object(null)
            .optional("forecast_id", Schema.string("Forecast Tab id, the slug in the Clari forecast URL (net_arr in"
                + " https://app.clari.com/forecast/net_arr). Default: the server's CLARI_FORECAST_ID.")
                .pattern("^[A-Za-z0-9_-]{1,128}$").examples("net_arr"))
            .optional("time_period", Schema.string("Calendar quarter: 2026_Q2, 'Q2 2026' or '2026-Q2'. Fiscal labels"
                + " such as 'FY26 Q2' are not accepted (their calendar year depends on the company). Default: the"
                + " quarter containing today (UTC).")
                .pattern("^\\s*(?:[0-9]{4}\\s*[-_/ ]?\\s*[Qq][1-4]|[Qq][1-4]\\s*[-_/ ]?\\s*[0-9]{4})\\s*$")
                .examples("2026_Q2"))
            .optional("scope_id", Schema.string("Hierarchy node to start from, such as 1905::MGR, to see one"
                + " manager's team. Default: the whole hierarchy.").pattern("^[A-Za-z0-9_:.@-]{1,200}$"))
            .optional("currency", Schema.string("ISO 4217 currency for the values, such as USD. Default: Clari's"
                + " forecast currency.").pattern("^[A-Z]{3}$")))
        .output(outputSchema())
        .access(Access.READ)
        .howToGetMore("Pass scope_id to look at one manager's part of the hierarchy.")
        .handler((args, context) -> prepare(revops, args, context))
        .build();
  }

  private static Invocation<ForecastSummary> prepare(RevOps revops, Arguments args, CallContext context) {
    ForecastQuery.Builder query = ForecastQuery.builder();
    args.string("forecast_id").ifPresent(query::forecastId);
    args.string("time_period").ifPresent(query::timePeriod);
    args.string("scope_id").ifPresent(query::scopeId);
    args.string("currency").ifPresent(query::currency);
    ForecastQuery built = query.build();
    return Invocation.of(
        () -> revops.forecasts().getForecast(built, options(context)),
        () -> revops.forecasts().planGetForecast(built),
        GetForecastTool::render);
  }

  private static ForecastCallOptions options(CallContext context) {
    CancellationToken cancellation = new CancellationToken();
    context.cancellation().onCancel(cancellation::cancel);
    return new ForecastCallOptions(listener(context.progress()), cancellation);
  }

  /** Clari's poll reports as MCP progress: "Clari export job 42: STARTED, 12 s elapsed (status check 3)". */
  static ExportProgressListener listener(ProgressReporter progress) {
    return report -> progress.report(describe(report));
  }

  static String describe(ExportProgress report) {
    long seconds = report.elapsed().toSeconds();
    if (report.status().equals(ExportProgress.WAITING_FOR_SLOT)) {
      return "Waiting for a free Clari export slot, " + seconds + " s elapsed (check " + report.attempt() + ")";
    }
    return "Clari export job " + report.jobId().orElse("(not yet submitted)") + ": " + report.status() + ", "
        + seconds + " s elapsed (status check " + report.attempt() + ")";
  }

  static ToolOutput render(ForecastSummary summary) {
    StringBuilder text = new StringBuilder();
    summary.warning().ifPresent(warning -> text.append("Warning: ").append(warning).append("\n\n"));
    text.append("Clari forecast ").append(summary.forecastId()).append(", ").append(summary.period().label())
        .append(" (").append(summary.period().id()).append(')');
    summary.week().ifPresent(week -> text.append(", week ").append(week.startDate().orElse(week.id())));
    summary.currency().ifPresent(currency -> text.append(", in ").append(currency));
    text.append(". Retrieved ").append(summary.retrievedAt()).append(".\n\n");
    if (summary.rows().isEmpty()) {
      text.append("No figures.\n");
    } else {
      text.append(Text.table(List.of("Person", "Role", "Field", "Value", "Quota", "Attainment"),
          summary.rows().stream().map(GetForecastTool::cells).toList()));
    }
    if (!summary.notes().isEmpty()) {
      text.append("\nNotes:\n");
      summary.notes().forEach(note -> text.append("- ").append(note).append('\n'));
    }
    return new ToolOutput(Structured.of(summary), text.toString().stripTrailing());
  }

  private static List<String> cells(ForecastRow row) {
    return List.of("· ".repeat(row.depth()) + row.userName(), row.role().orElse(""), row.field(),
        Text.number(row.value()), Text.number(row.quota()), Text.percent(row.attainment()));
  }

  private static Schema outputSchema() {
    Schema period = Schema.result("The quarter Clari answered for.")
        .required("id", Schema.string("Clari's period id, such as 2026_Q2."))
        .required("label", Schema.string("Clari's label, such as FY27 Q1."))
        .optional("start_date", Schema.string("First day."))
        .optional("end_date", Schema.string("Last day."));
    Schema week = Schema.result("The week the figures come from (the latest in Clari's answer).")
        .required("id", Schema.string("Clari's time frame id."))
        .optional("start_date", Schema.string("First day."))
        .optional("end_date", Schema.string("Last day."));
    Schema row = Schema.result("One person and one forecast field.")
        .required("user_name", Schema.string("The person."))
        .optional("role", Schema.string("Their hierarchy node, such as West Sales."))
        .required("depth", Schema.integer("0 for the top of the hierarchy, 1 for direct reports, and so on.")
            .minimum(0))
        .required("field", Schema.string("The forecast field, such as Commit."))
        .optional("value", Schema.number("The call for the latest week."))
        .optional("quota", Schema.number("The person's quota for the quarter."))
        .optional("attainment", Schema.number("value / quota (0.8 means 80 %)."));
    return Schema.result(null)
        .required("forecast_id", Schema.string("The forecast tab."))
        .required("requested_period", Schema.string("The quarter asked for."))
        .required("period", period)
        .optional("week", week)
        .optional("currency", Schema.string("The currency of every value."))
        .required("rows", Schema.array("The figures in hierarchy order.", row))
        .optional("warning", Schema.string("Why the figures were withheld, when they were."))
        .required("notes", Schema.array("Caveats about the figures.", Schema.string("A caveat.")))
        .required("retrieved_at", Schema.string("When Clari answered.").format("date-time"));
  }
}
