package io.revops.mcp.tools;

import io.revops.core.RevOps;
import io.revops.core.pipeline.PipelineByStage;
import io.revops.core.pipeline.PipelineService;
import io.revops.core.pipeline.StageTotal;
import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.Structured;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code pipeline_by_stage}: open pipeline closing in the next N days, per stage, with exact totals. */
final class PipelineByStageTool {
  private PipelineByStageTool() {
  }

  static ToolDefinition definition(RevOps revops) {
    return ToolDefinition.builder("pipeline_by_stage")
        .title("Pipeline by stage")
        .description(
            "Open Salesforce opportunities closing from today through today + N days, per stage in the org's"
                + " stage order: count and summed amount, plus a separate line for overdue open deals (close date"
                + " already past). Use it for 'Show me pipeline by stage for the next ninety days'.",
            "Totals are exact (computed by Salesforce with aggregate queries, however many deals); amounts are in"
                + " the currency named in the result. Optionally for one owner.")
        .input(Schema.object(null)
            .optional("close_date_window_days", Schema.integer("How many days ahead of today (UTC) to include, both"
                + " ends inclusive.").range(1, 3650).defaultValue(PipelineService.DEFAULT_WINDOW_DAYS))
            .optional("owner_id", Schema.string("Only this owner's opportunities: a User id (005...).")
                .pattern("^005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$")))
        .output(Schema.result(null)
            .required("close_date_from", Schema.string("First close date counted (today).").format("date"))
            .required("close_date_to", Schema.string("Last close date counted.").format("date"))
            .optional("owner_id", Schema.string("The owner the pipeline was limited to."))
            .required("stages", Schema.array("One line per stage with deals in the window, in stage order.",
                total("One stage.").required("stage", Schema.string("The StageName value."))))
            .required("overdue", total("Open deals whose close date is already past."))
            .required("total", total("All stages in the window."))
            .required("currency", Schema.result("The currency of every amount.")
                .optional("iso_code", Schema.string("ISO code such as USD."))
                .required("description", Schema.string("How the sums relate to it.")))
            .required("amount_currency", Schema.string("The ISO code of the amounts, or 'unknown'.")))
        .access(Access.READ)
        .coreArgument("closeDateWindowDays", "close_date_window_days")
        .handler((args, context) -> {
          int days = args.integer("close_date_window_days", 1, 3650).orElse(PipelineService.DEFAULT_WINDOW_DAYS);
          Optional<String> owner = args.string("owner_id");
          return Invocation.of(() -> revops.pipeline().pipelineByStage(days, owner),
              () -> revops.pipeline().planPipelineByStage(days, owner), PipelineByStageTool::render);
        })
        .build();
  }

  private static Schema total(String description) {
    return Schema.result(description)
        .required("count", Schema.integer("Number of opportunities.").minimum(0))
        .required("amount", Schema.number("Sum of their amounts."));
  }

  static ToolOutput render(PipelineByStage pipeline) {
    Map<String, Object> structured = new LinkedHashMap<>(Structured.of(pipeline));
    structured.put("total", Structured.of(pipeline.total()));
    String currency = pipeline.currency().isoCode().orElse("unknown");
    structured.put("amount_currency", currency);
    StringBuilder text = new StringBuilder();
    text.append("Open pipeline closing ").append(pipeline.closeDateFrom()).append(" to ").append(pipeline.closeDateTo())
        .append(pipeline.ownerId().map(id -> " for owner " + id).orElse("")).append(", amounts in ").append(currency)
        .append(".\n\n");
    List<List<String>> rows = new ArrayList<>();
    for (StageTotal stage : pipeline.stages()) {
      rows.add(List.of(stage.stage(), Text.number(stage.count()), Text.number(stage.amount())));
    }
    rows.add(List.of("**Total**", Text.number(pipeline.total().count()), Text.number(pipeline.total().amount())));
    rows.add(List.of("Overdue (close date passed)", Text.number(pipeline.overdue().count()),
        Text.number(pipeline.overdue().amount())));
    text.append(Text.table(List.of("Stage", "Count", "Amount (" + currency + ")"), rows));
    text.append('\n').append(pipeline.currency().description());
    return new ToolOutput(structured, text.toString().stripTrailing());
  }
}
