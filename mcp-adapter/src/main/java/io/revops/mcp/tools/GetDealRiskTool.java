package io.revops.mcp.tools;

import io.revops.core.RevOps;
import io.revops.core.risk.DealField;
import io.revops.core.risk.DealRisk;
import io.revops.core.risk.DealRiskReport;
import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.Structured;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolOutput;
import java.util.List;
import java.util.stream.Collectors;

/** {@code get_deal_risk}: Clari's AI score and field trends for given opportunities. */
final class GetDealRiskTool {
  static final int MAX_IDS = 500;

  private GetDealRiskTool() {
  }

  static ToolDefinition definition(RevOps revops) {
    return ToolDefinition.builder("get_deal_risk")
        .title("Get Clari deal risk")
        .description(
            "Clari's view of specific deals: the Clari AI score (0-100; 0 for lost deals) with Clari's"
                + " explanation, and each tracked field (amount, stage, close date...) with its latest change.",
            "Use it to judge whether named opportunities are at risk, for example those returned by"
                + " at_risk_commits or pipeline tools. Needs Salesforce Opportunity ids (006..., 15 or 18"
                + " characters); up to " + MAX_IDS + " per call. Ids Clari does not know are listed in failures"
                + " with the reason.")
        .input(Schema.object(null)
            .required("opp_ids", Schema.array("Salesforce Opportunity ids, such as 006Z000000EPuiyIAD.",
                Schema.string("An Opportunity id: 006 followed by 12 or 15 letters and digits.")
                    .pattern("^006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$"))
                .size(1, MAX_IDS)))
        .output(Schema.result(null)
            .required("deals", Schema.array("Deals Clari answered for, in the order asked.", Schema.result("One deal.")
                .required("opportunity_id", Schema.string("18-character Opportunity id."))
                .optional("score", Schema.integer("Clari AI score, 0-100."))
                .optional("score_message", Schema.string("Clari's explanation of the score."))
                .required("fields", Schema.array("Fields as Clari tracks them.", Schema.result("One field.")
                    .required("name", Schema.string("Display name."))
                    .required("field_id", Schema.string("Clari's field id."))
                    .optional("value", Schema.string("Current value."))
                    .optional("trend", Schema.string("Clari's trend label."))
                    .optional("latest_change", Schema.result("The most recent change.")
                        .optional("old_value", Schema.string("Before."))
                        .optional("new_value", Schema.string("After."))
                        .optional("changed_at", Schema.string("When.").format("date-time")))))))
            .required("failures", Schema.array("Ids without an answer.", Schema.result("One id.")
                .required("opportunity_id", Schema.string("The id."))
                .required("reason", Schema.string("Why.")))))
        .access(Access.READ)
        .howToGetMore("Ask about fewer opportunities per call.")
        .handler((args, context) -> {
          List<String> ids = args.requiredStrings("opp_ids", 1, MAX_IDS);
          return Invocation.of(() -> revops.dealRisk().getDealRisk(ids),
              () -> revops.dealRisk().planGetDealRisk(ids), GetDealRiskTool::render);
        })
        .build();
  }

  static ToolOutput render(DealRiskReport report) {
    StringBuilder text = new StringBuilder();
    text.append("Clari deal risk for ").append(report.deals().size()).append(" deal(s).\n\n");
    if (!report.deals().isEmpty()) {
      text.append(Text.table(List.of("Opportunity", "Score", "Clari says", "Fields"),
          report.deals().stream().map(GetDealRiskTool::cells).toList()));
    }
    if (!report.failures().isEmpty()) {
      text.append("\nNo answer for:\n");
      report.failures().forEach(f -> text.append("- ").append(f.opportunityId()).append(": ").append(f.reason())
          .append('\n'));
    }
    return new ToolOutput(Structured.of(report), text.toString().stripTrailing());
  }

  private static List<String> cells(DealRisk deal) {
    String fields = deal.fields().stream().map(GetDealRiskTool::field).collect(Collectors.joining("; "));
    return List.of(deal.opportunityId(), deal.score().map(String::valueOf).orElse(""),
        deal.scoreMessage().map(m -> Text.shorten(m, 200)).orElse(""), Text.shorten(fields, 400));
  }

  private static String field(DealField field) {
    String text = field.name() + " " + field.value().orElse("–");
    if (field.latestChange().isPresent()) {
      var change = field.latestChange().get();
      text += " (was " + change.oldValue().orElse("–")
          + change.changedAt().map(at -> " until " + at.toString().substring(0, 10)).orElse("") + ")";
    }
    return text;
  }
}
