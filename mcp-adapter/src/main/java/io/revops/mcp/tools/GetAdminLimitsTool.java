package io.revops.mcp.tools;

import io.revops.core.RevOps;
import io.revops.core.forecast.ExportCapacity;
import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.Structured;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code get_admin_limits}: the org's Clari export capacity. */
final class GetAdminLimitsTool {
  private GetAdminLimitsTool() {
  }

  static ToolDefinition definition(RevOps revops) {
    return ToolDefinition.builder("get_admin_limits")
        .title("Get Clari export limits")
        .description(
            "The org's Clari export capacity now: concurrent export slots free, exports left in the rolling 30-day"
                + " quota, and the jobs running. Use it before a large get_forecast, when get_forecast reports a"
                + " capacity error, or to check that the Clari token works. Read live from Clari, never cached.")
        .output(Schema.result(null)
            .required("concurrent_limit", Schema.integer("Exports that may be queued or running at once."))
            .required("available_concurrent_slots", Schema.integer("Slots free now."))
            .required("monthly_quota", Schema.integer("Exports allowed in a rolling 30 days."))
            .required("available_monthly_quota", Schema.integer("Exports left in the rolling 30 days."))
            .required("exports_in_last30_days", Schema.integer("Exports counted against the quota."))
            .required("running_job_ids", Schema.array("Export jobs queued or running now.", Schema.string("A job id.")))
            .required("can_export_now", Schema.bool("Whether an export job could start now.")))
        .access(Access.READ)
        .handler((args, context) -> Invocation.of(() -> revops.forecasts().getAdminLimits(),
            () -> revops.forecasts().planGetAdminLimits(), GetAdminLimitsTool::render))
        .build();
  }

  static ToolOutput render(ExportCapacity capacity) {
    Map<String, Object> structured = new LinkedHashMap<>(Structured.of(capacity));
    structured.put("can_export_now", capacity.canExportNow());
    String text = "Clari export capacity: " + capacity.availableConcurrentSlots() + " of " + capacity.concurrentLimit()
        + " concurrent slots free, " + capacity.availableMonthlyQuota() + " of " + capacity.monthlyQuota()
        + " exports left in the rolling 30 days (" + capacity.exportsInLast30Days() + " used), "
        + capacity.runningJobIds().size() + " job(s) running. "
        + (capacity.canExportNow() ? "A new export can start now." : "A new export would have to wait.");
    return new ToolOutput(structured, text);
  }
}
