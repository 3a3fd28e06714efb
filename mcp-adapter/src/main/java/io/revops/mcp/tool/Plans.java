package io.revops.mcp.tool;

import io.revops.core.plan.DryRunPlan;
import io.revops.core.plan.PlannedRequest;
import java.util.Map;

/** Renders a {@link DryRunPlan} as a tool result: {@code dry_run_plan} plus a readable list of requests. */
public final class Plans {
  private Plans() {
  }

  /** The dry-run result of a call. */
  public static ToolOutput render(DryRunPlan plan) {
    StringBuilder text = new StringBuilder();
    text.append("Dry run of ").append(plan.operation()).append(": nothing was sent. ");
    if (plan.requests().isEmpty()) {
      text.append("It would send no request.\n");
    } else {
      text.append("It would send ").append(plan.requests().size())
          .append(plan.requests().size() == 1 ? " request" : " requests").append(":\n");
    }
    int n = 1;
    for (PlannedRequest request : plan.requests()) {
      text.append(n++).append(". ").append(request.method()).append(' ').append(request.url())
          .append(" (").append(request.service()).append(")\n");
      if (!request.headers().isEmpty()) {
        text.append("   headers: ");
        boolean first = true;
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
          text.append(first ? "" : ", ").append(header.getKey()).append(": ").append(header.getValue());
          first = false;
        }
        text.append('\n');
      }
      request.body().ifPresent(body -> text.append("   body: ").append(body).append('\n'));
    }
    if (!plan.notes().isEmpty()) {
      text.append("Notes:\n");
      plan.notes().forEach(note -> text.append("- ").append(note).append('\n'));
    }
    return new ToolOutput(Map.of(ToolDefinition.DRY_RUN_PLAN, Structured.of(plan)), text.toString().stripTrailing());
  }
}
