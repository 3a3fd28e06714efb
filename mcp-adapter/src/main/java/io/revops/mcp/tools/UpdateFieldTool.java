package io.revops.mcp.tools;

import io.revops.core.RevOps;
import io.revops.core.writes.AuditedWriter;
import io.revops.core.writes.FieldUpdateResult;
import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.Structured;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolFailureException;
import io.revops.mcp.tool.ToolOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code update_field}: changes one field of one record, audit row first. */
final class UpdateFieldTool {
  private UpdateFieldTool() {
  }

  static ToolDefinition definition(RevOps revops) {
    return ToolDefinition.builder("update_field")
        .title("Update one field (audited)")
        .description(
            "Writes to Salesforce: changes one field of one Account, Opportunity, Contact or Lead, overwriting its"
                + " current value. Use it only when the user explicitly asks for the change.",
            "An audit row (old value, new value, justification, who) is written in the same transaction, so the"
                + " change never happens without it. The value is checked against the field's type and picklist"
                + " first. Needs a justification of at least " + AuditedWriter.MIN_JUSTIFICATION_LENGTH
                + " characters. Only updateable fields (and only those in the server's allow-list when one is set);"
                + " one field per call, no deletes.")
        .input(Schema.object(null)
            .required("object_type", Schema.string("The record's object.").enumOf(RecordTypes.NAMES))
            .required("object_id", Schema.string("The record's id; its prefix must match object_type (001 Account,"
                + " 006 Opportunity, 003 Contact, 00Q Lead).").pattern(RecordTypes.ID_PATTERN))
            .required("field_name", Schema.string("The field's API name, such as NextStep, CloseDate or StageName"
                + " (custom fields end in __c).").pattern("^[A-Za-z][A-Za-z0-9_]{0,79}$"))
            .required("new_value", Schema.string("The new value as text: dates as 2026-06-30, numbers as 1250.50,"
                + " booleans as true/false, picklists as the exact API value; empty string clears the field.")
                .length(0, AuditedWriter.MAX_VALUE_LENGTH))
            .required("justification", Schema.string("Why the change is made, for the audit trail (at least "
                + AuditedWriter.MIN_JUSTIFICATION_LENGTH + " characters).")
                .length(AuditedWriter.MIN_JUSTIFICATION_LENGTH, 32_000)))
        .output(Schema.result(null)
            .required("outcome", Schema.string("APPLIED or UNCHANGED (the field already held the value).")
                .enumOf("APPLIED", "UNCHANGED"))
            .required("object_type", Schema.string("The record's object."))
            .required("record_id", Schema.string("The record's id."))
            .required("field", Schema.string("The field's API name."))
            .optional("old_value", Schema.string("The value before (absent when blank)."))
            .optional("new_value", Schema.string("The value written (absent when cleared)."))
            .optional("value", Schema.string("The value the field already held (UNCHANGED)."))
            .optional("audit_record_id", Schema.string("The audit row recording the change (APPLIED)."))
            .required("message", Schema.string("What happened.")))
        .access(Access.OVERWRITE)
        .handler((args, context) -> {
          String type = args.requiredString("object_type");
          String id = args.requiredString("object_id");
          String field = args.requiredString("field_name");
          String value = args.string("new_value").orElse("");
          String justification = args.requiredString("justification");
          return Invocation.of(
              () -> revops.writer().updateField(type, id, field, value, justification, Optional.empty()),
              () -> revops.writer().planUpdateField(type, id, field, value, justification, Optional.empty()),
              UpdateFieldTool::render);
        })
        .build();
  }

  static ToolOutput render(FieldUpdateResult result) {
    String outcome;
    if (result instanceof FieldUpdateResult.Applied) {
      outcome = "APPLIED";
    } else if (result instanceof FieldUpdateResult.Unchanged) {
      outcome = "UNCHANGED";
    } else if (result instanceof FieldUpdateResult.Failed) {
      throw new ToolFailureException("write_failed", result.message());
    } else {
      throw new ToolFailureException("write_outcome_unknown", result.message());
    }
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("outcome", outcome);
    structured.putAll(Structured.of(result));
    return new ToolOutput(structured, result.message());
  }
}
