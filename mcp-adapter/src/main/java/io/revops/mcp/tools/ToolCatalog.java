package io.revops.mcp.tools;

import io.revops.core.RevOps;
import io.revops.mcp.tool.ToolDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The tools this configuration registers: the Clari tools when Clari is configured, the Salesforce
 * tools when Salesforce is, {@code get_pipeline_changes} when either is, and no write tools when
 * {@code REVOPS_READ_ONLY=true}. Building the list builds no service and opens no connection.
 */
public final class ToolCatalog {
  private ToolCatalog() {
  }

  /** The tools for {@code revops}'s configuration, in a stable order. */
  public static List<ToolDefinition> tools(RevOps revops) {
    List<ToolDefinition> tools = new ArrayList<>();
    if (revops.hasClari()) {
      tools.add(GetForecastTool.definition(revops));
      tools.add(GetDealRiskTool.definition(revops));
      tools.add(GetAdminLimitsTool.definition(revops));
    }
    if (revops.hasClari() || revops.hasSalesforce()) {
      tools.add(GetPipelineChangesTool.definition(revops));
    }
    if (revops.hasSalesforce()) {
      tools.addAll(RecordTools.definitions(revops));
      tools.add(QueryTool.definition(revops));
      tools.add(PipelineByStageTool.definition(revops));
      tools.add(StaleOppsTool.definition(revops));
      tools.add(AtRiskCommitsTool.definition(revops));
      if (!revops.config().readOnly()) {
        tools.add(AddNoteTool.definition(revops));
        tools.add(UpdateFieldTool.definition(revops));
      }
    }
    return List.copyOf(tools);
  }
}
