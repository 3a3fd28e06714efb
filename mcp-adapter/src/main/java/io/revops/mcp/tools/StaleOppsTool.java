package io.revops.mcp.tools;

import io.revops.core.RevOps;
import io.revops.core.pipeline.PipelineService;
import io.revops.core.pipeline.StaleOpportunities;
import io.revops.core.pipeline.StaleOpportunity;
import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.Structured;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code stale_opps}: open opportunities stuck in their stage longer than a threshold. */
final class StaleOppsTool {
  private StaleOppsTool() {
  }

  static ToolDefinition definition(RevOps revops) {
    return ToolDefinition.builder("stale_opps")
        .title("Stale opportunities")
        .description(
            "Open Salesforce opportunities whose stage has not changed for more than N days, stalest first, with"
                + " stage, days in stage, amount, close date and owner. Use it for 'Which deals are stuck?' or a"
                + " pipeline hygiene review.",
            "Limits: at most 200 listed, with the total count; the result says how the last stage change was"
                + " determined in this org.")
        .input(Schema.object(null)
            .optional("days_in_stage_threshold", Schema.integer("List deals whose stage last changed more than this"
                + " many days ago.").range(1, 3650).defaultValue(PipelineService.DEFAULT_STALE_DAYS)))
        .output(Schema.result(null)
            .required("threshold_days", Schema.integer("The threshold asked for."))
            .required("cutoff", Schema.string("Deals whose stage last changed before this are listed.")
                .format("date-time"))
            .required("method", Schema.string("How the last stage change was determined."))
            .required("total_count", Schema.integer("How many deals qualify in all."))
            .required("opportunities", Schema.array("At most 200, stalest first.", Schema.result("One deal.")
                .required("id", Schema.string("Opportunity id."))
                .required("name", Schema.string("Name."))
                .required("stage", Schema.string("Current stage."))
                .optional("amount", Schema.number("Amount."))
                .optional("close_date", Schema.string("Close date.").format("date"))
                .optional("owner_name", Schema.string("Owner."))
                .required("stage_since", Schema.string("Date it entered its stage.").format("date"))
                .required("days_in_stage", Schema.integer("Whole days in the stage."))
                .required("source", Schema.string("Where stage_since comes from."))))
            .required("truncated_list", Schema.bool("True when more deals qualify than are listed.")))
        .access(Access.READ)
        .howToGetMore("Raise days_in_stage_threshold to see the stalest deals only.")
        .handler((args, context) -> {
          int days = args.integer("days_in_stage_threshold", 1, 3650).orElse(PipelineService.DEFAULT_STALE_DAYS);
          return Invocation.of(() -> revops.pipeline().staleOpps(days), () -> revops.pipeline().planStaleOpps(days),
              StaleOppsTool::render);
        })
        .build();
  }

  static ToolOutput render(StaleOpportunities stale) {
    Map<String, Object> structured = new LinkedHashMap<>(Structured.of(stale));
    structured.put("truncated_list", stale.truncated());
    StringBuilder text = new StringBuilder();
    text.append(stale.totalCount()).append(" open opportunit").append(stale.totalCount() == 1 ? "y has" : "ies have")
        .append(" not changed stage for more than ").append(stale.thresholdDays()).append(" days");
    if (stale.truncated()) {
      text.append(" (the ").append(stale.opportunities().size()).append(" stalest are listed)");
    }
    text.append(". ").append(stale.method()).append("\n\n");
    if (!stale.opportunities().isEmpty()) {
      text.append(Text.table(List.of("Opportunity", "Id", "Stage", "Days in stage", "Since", "Amount", "Close", "Owner"),
          stale.opportunities().stream().map(StaleOppsTool::cells).toList()));
    }
    return new ToolOutput(structured, text.toString().stripTrailing());
  }

  private static List<String> cells(StaleOpportunity o) {
    return List.of(o.name(), o.id().toString(), o.stage(), Long.toString(o.daysInStage()), o.stageSince().toString(),
        Text.number(o.amount()), o.closeDate().map(Object::toString).orElse(""), o.ownerName().orElse(""));
  }
}
