package io.revops.mcp;

import io.revops.mcp.tool.ToolDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code instructions} of the {@code initialize} result: one short paragraph saying which tool
 * answers which kind of question, naming only the tools this configuration registers. Constraints
 * come first because hosts cut instructions at about 2 KB.
 */
final class ServerInstructions {
  private static final Map<String, String> GUIDE = new LinkedHashMap<>();

  static {
    GUIDE.put("get_forecast", "a quarter's Clari forecast by rep, manager or segment: get_forecast (5-30 s when"
        + " Clari runs an export)");
    GUIDE.put("get_admin_limits", "Clari export quota left: get_admin_limits");
    GUIDE.put("get_deal_risk", "Clari AI risk scores of given opportunities: get_deal_risk");
    GUIDE.put("get_pipeline_changes", "deals that moved stage, amount or close date in a date window:"
        + " get_pipeline_changes");
    GUIDE.put("pipeline_by_stage", "open pipeline by stage for the next N days: pipeline_by_stage");
    GUIDE.put("stale_opps", "deals stuck in their stage: stale_opps");
    GUIDE.put("at_risk_commits", "commit deals at risk before quarter end: at_risk_commits");
    GUIDE.put("get_opportunity", "one record by id: get_account, get_opportunity, get_contact, get_lead");
    GUIDE.put("query", "anything else in Salesforce: query (one read-only SOQL SELECT, 200 rows per page; pass"
        + " next_cursor back as cursor for more)");
  }

  private ServerInstructions() {
  }

  static String forTools(List<ToolDefinition> tools) {
    Set<String> names = tools.stream().map(ToolDefinition::name).collect(Collectors.toSet());
    StringBuilder text = new StringBuilder("RevOps answers from the user's own Clari and Salesforce org.");
    String uses = GUIDE.entrySet().stream().filter(entry -> names.contains(entry.getKey()))
        .map(Map.Entry::getValue).collect(Collectors.joining("; "));
    if (!uses.isEmpty()) {
      text.append(" Which tool for which question: ").append(uses).append(". ");
    }
    if (names.contains("update_field") || names.contains("add_note")) {
      text.append("Write only when the user asks: add_note adds a note to a record; update_field changes one"
          + " field, needs a justification of at least 10 characters and writes an audit row first. ");
    }
    text.append("Every tool accepts dry_run=true to show the HTTP requests it would send without sending them."
        + " Errors say what to fix; results are capped at about 20,000 tokens and say how to get the rest.");
    return text.toString();
  }
}
