package io.revops.mcp.tools;

import io.revops.core.RevOps;
import io.revops.core.changes.ChangeSource;
import io.revops.core.changes.ClariUserAction;
import io.revops.core.changes.ClariUserActions;
import io.revops.core.changes.CrmFieldChanges;
import io.revops.core.changes.FieldChange;
import io.revops.core.changes.PipelineChanges;
import io.revops.core.changes.PipelineChangesService;
import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.Structured;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolOutput;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** {@code get_pipeline_changes}: stage, amount and close-date changes in a date window. */
final class GetPipelineChangesTool {
  private GetPipelineChangesTool() {
  }

  static ToolDefinition definition(RevOps revops) {
    return ToolDefinition.builder("get_pipeline_changes")
        .title("Pipeline changes")
        .description(
            "Which deals moved in a date window: stage, amount and close-date changes of Salesforce opportunities"
                + " (who changed what, when, old and new value), newest first. Use it for 'Which deals moved stages"
                + " in the last 7 days?' or 'What slipped this week?'.",
            "Source: Salesforce history when Salesforce is configured; with only Clari configured it returns"
                + " Clari's audit log of user actions in Clari instead, labelled as such (not CRM field changes)."
                + " Limits: at most 200 events; more_exist says when the window holds more (narrow the window).")
        .input(Schema.object(null)
            .required("start_date", Schema.string("First day, ISO format such as 2026-05-01 (UTC).").format("date")
                .pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
            .required("end_date", Schema.string("Last day, included whole, ISO format such as 2026-05-07 (UTC).")
                .format("date").pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
            .optional("limit", Schema.integer("At most this many events.").range(1, PipelineChangesService.MAX_LIMIT)
                .defaultValue(PipelineChangesService.MAX_LIMIT)))
        .output(Schema.result(null)
            .required("source", Schema.string("Where the events come from.")
                .enumOf(Arrays.stream(ChangeSource.values()).map(Enum::name).toArray(String[]::new)))
            .required("source_description", Schema.string("The source, for people."))
            .required("window", Schema.result("The days covered (UTC, end date included).")
                .required("start_date", Schema.string("First day.").format("date"))
                .required("end_date", Schema.string("Last day.").format("date")))
            .optional("changes", Schema.array("Salesforce field changes, newest first.", Schema.result("One change.")
                .required("opportunity_id", Schema.string("Opportunity id."))
                .optional("opportunity_name", Schema.string("Its name."))
                .required("field", Schema.string("StageName, Amount or CloseDate."))
                .optional("old_value", Schema.string("Before (absent when blank)."))
                .optional("new_value", Schema.string("After (absent when cleared)."))
                .required("changed_at", Schema.string("When.").format("date-time"))
                .optional("changed_by", Schema.string("Who."))))
            .optional("actions", Schema.array("Clari user actions (only without Salesforce), newest first.",
                Schema.result("One action.")
                    .optional("at", Schema.string("When.").format("date-time"))
                    .required("actor", Schema.string("Who."))
                    .required("actor_type", Schema.string("USER, SYSTEM or JOB."))
                    .required("event", Schema.string("Clari's event name."))
                    .optional("parameters", Schema.result("The event's parameters as text."))
                    .optional("session_type", Schema.string("WEB, IOS or ANDROID."))))
            .required("more_exist", Schema.bool("True when the window holds more events than returned."))
            .optional("total_in_window", Schema.integer("How many changes the window holds, when known."))
            .required("notes", Schema.array("Caveats.", Schema.string("A caveat."))))
        .access(Access.READ)
        .howToGetMore("Narrow the date window or lower limit.")
        .handler((args, context) -> {
          String start = args.requiredString("start_date");
          String end = args.requiredString("end_date");
          OptionalInt limit = args.integer("limit", 1, PipelineChangesService.MAX_LIMIT)
              .map(OptionalInt::of).orElse(OptionalInt.empty());
          return Invocation.of(() -> revops.pipelineChanges().getPipelineChanges(start, end, limit),
              () -> revops.pipelineChanges().planGetPipelineChanges(start, end, limit),
              GetPipelineChangesTool::render);
        })
        .build();
  }

  static ToolOutput render(PipelineChanges changes) {
    Map<String, Object> structured = new LinkedHashMap<>(Structured.of(changes));
    structured.put("source", changes.source().name());
    structured.put("source_description", changes.source().description());
    StringBuilder text = new StringBuilder();
    if (changes instanceof ClariUserActions clari) {
      text.append(ClariUserActions.LABEL).append("\n\n");
      text.append(clari.actions().size()).append(" Clari user action(s) from ").append(clari.window().startDate())
          .append(" to ").append(clari.window().endDate()).append(clari.moreExist() ? " (more exist)" : "")
          .append(".\n\n");
      if (!clari.actions().isEmpty()) {
        text.append(Text.table(List.of("When", "Who", "Event", "Details"),
            clari.actions().stream().map(GetPipelineChangesTool::cells).toList()));
      }
    } else if (changes instanceof CrmFieldChanges crm) {
      text.append(crm.changes().size()).append(" change(s) to stage, amount or close date from ")
          .append(crm.window().startDate()).append(" to ").append(crm.window().endDate())
          .append(crm.moreExist() ? " (more exist" + crm.totalInWindow().map(n -> ": " + n + " in all").orElse("") + ")"
              : "")
          .append(", from ").append(crm.source().description()).append(".\n\n");
      if (!crm.changes().isEmpty()) {
        text.append(Text.table(List.of("When", "Opportunity", "Field", "From", "To", "By"),
            crm.changes().stream().map(GetPipelineChangesTool::cells).toList()));
      }
    }
    if (!changes.notes().isEmpty()) {
      text.append("\nNotes:\n");
      changes.notes().forEach(note -> text.append("- ").append(note).append('\n'));
    }
    return new ToolOutput(structured, text.toString().stripTrailing());
  }

  private static List<String> cells(FieldChange change) {
    return List.of(change.changedAt().toString(), change.opportunityName().orElse("") + " (" + change.opportunityId()
        + ")", change.field(), change.oldValue().orElse(""), change.newValue().orElse(""),
        change.changedBy().orElse(""));
  }

  private static List<String> cells(ClariUserAction action) {
    String details = action.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
    return List.of(action.at().map(Object::toString).orElse(""), action.actor(), action.event(),
        Text.shorten(details, 200));
  }
}
