package io.revops.mcp.tools;

import io.revops.core.RevOps;
import io.revops.core.pipeline.AtRiskCommit;
import io.revops.core.pipeline.AtRiskCommits;
import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.Structured;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolOutput;
import java.util.List;

/** {@code at_risk_commits}: commit-stage deals flagged by the two risk rules before quarter end. */
final class AtRiskCommitsTool {
  private AtRiskCommitsTool() {
  }

  static ToolDefinition definition(RevOps revops) {
    return ToolDefinition.builder("at_risk_commits")
        .title("At-risk commit deals")
        .description(
            "Open opportunities in the commit stage that look at risk before a quarter ends, each with the rule(s)"
                + " that flagged it: (a) no activity logged in the last 14 days; (b) closing in the last 14 days of"
                + " the quarter with no upcoming meeting (Event) on its account. With Clari configured, each deal"
                + " also carries its Clari score. Use it for 'Which commits are at risk this quarter?'.",
            "Limits: at most 200 deals, earliest close first; fails, listing the org's stages, when the"
                + " configured commit stage does not exist.")
        .input(Schema.object(null)
            .required("quarter_end_date", Schema.string("The quarter's last day, ISO format, such as 2026-06-30.")
                .format("date").pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")))
        .output(Schema.result(null)
            .required("quarter_end_date", Schema.string("The quarter end asked about.").format("date"))
            .required("commit_stage", Schema.string("The StageName treated as commit."))
            .required("as_of", Schema.string("Today (UTC).").format("date"))
            .required("deals", Schema.array("Flagged deals by close date.", Schema.result("One deal.")
                .required("id", Schema.string("Opportunity id."))
                .required("name", Schema.string("Name."))
                .optional("account_name", Schema.string("Account."))
                .optional("amount", Schema.number("Amount."))
                .required("close_date", Schema.string("Close date.").format("date"))
                .optional("last_activity_date", Schema.string("Last activity.").format("date"))
                .optional("owner_name", Schema.string("Owner."))
                .required("rules", Schema.array("The rules that flagged it.",
                    Schema.string("A rule.").enumOf("NO_RECENT_ACTIVITY", "CLOSING_WITHOUT_MEETING")))
                .required("reasons", Schema.array("One sentence per rule.", Schema.string("A reason.")))
                .optional("clari_score", Schema.result("Clari's score.")
                    .required("score", Schema.integer("0-100."))
                    .required("message", Schema.string("Clari's explanation.")))))
            .required("truncated", Schema.bool("True when more than 200 candidates matched."))
            .required("clari", Schema.result("Whether Clari scores are included.")
                .required("status", Schema.string("NOT_CONFIGURED, INCLUDED, PARTIAL or UNAVAILABLE."))
                .optional("reason", Schema.string("Why scores are missing."))))
        .access(Access.READ)
        .handler((args, context) -> {
          String quarterEnd = args.requiredString("quarter_end_date");
          return Invocation.of(() -> revops.pipeline().atRiskCommits(quarterEnd),
              () -> revops.pipeline().planAtRiskCommits(quarterEnd), AtRiskCommitsTool::render);
        })
        .build();
  }

  static ToolOutput render(AtRiskCommits commits) {
    StringBuilder text = new StringBuilder();
    text.append(commits.deals().size()).append(" '").append(commits.commitStage()).append("' deal(s) at risk before ")
        .append(commits.quarterEndDate()).append(" (as of ").append(commits.asOf()).append(')')
        .append(commits.truncated() ? "; more than 200 candidates matched, so some may be missing" : "").append(".\n");
    commits.clari().reason().ifPresent(reason -> text.append("Clari scores: ").append(reason).append('\n'));
    text.append('\n');
    if (!commits.deals().isEmpty()) {
      text.append(Text.table(List.of("Opportunity", "Id", "Account", "Amount", "Close", "Last activity", "Owner",
          "Why", "Clari"), commits.deals().stream().map(AtRiskCommitsTool::cells).toList()));
    }
    return new ToolOutput(Structured.of(commits), text.toString().stripTrailing());
  }

  private static List<String> cells(AtRiskCommit deal) {
    return List.of(deal.name(), deal.id().toString(), deal.accountName().orElse(""), Text.number(deal.amount()),
        deal.closeDate().toString(), deal.lastActivityDate().map(Object::toString).orElse("none"),
        deal.ownerName().orElse(""), String.join(" ", deal.reasons()),
        deal.clariScore().map(s -> s.score() + " " + s.message()).orElse(""));
  }

}
