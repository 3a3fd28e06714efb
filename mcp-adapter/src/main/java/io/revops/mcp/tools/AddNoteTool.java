package io.revops.mcp.tools;

import io.revops.core.RevOps;
import io.revops.core.writes.AuditedWriter;
import io.revops.core.writes.NoteResult;
import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.Structured;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolFailureException;
import io.revops.mcp.tool.ToolOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code add_note}: a plain-text note on an Account, Opportunity, Contact or Lead. */
final class AddNoteTool {
  private AddNoteTool() {
  }

  static ToolDefinition definition(RevOps revops) {
    return ToolDefinition.builder("add_note")
        .title("Add a note to a record")
        .description(
            "Writes to Salesforce: adds a plain-text note (a ContentNote) to one Account, Opportunity, Contact or"
                + " Lead, visible to internal users. Use it only when the user asks to record something on a record.",
            "Each call adds a new note (calling twice adds two). The first line becomes the note's title. Limits:"
                + " at most " + AuditedWriter.MAX_NOTE_LENGTH + " characters; no deletes or edits of existing notes.")
        .input(Schema.object(null)
            .required("object_type", Schema.string("The record's object.").enumOf(RecordTypes.NAMES))
            .required("object_id", Schema.string("The record's id; its prefix must match object_type (001 Account,"
                + " 006 Opportunity, 003 Contact, 00Q Lead).").pattern(RecordTypes.ID_PATTERN))
            .required("body", Schema.string("The note text; the first line is its title.")
                .length(1, AuditedWriter.MAX_NOTE_LENGTH)))
        .output(Schema.result(null)
            .required("outcome", Schema.string("ADDED.").enumOf("ADDED"))
            .required("object_type", Schema.string("The record's object."))
            .required("record_id", Schema.string("The record's id."))
            .required("note_id", Schema.string("The ContentNote (069...)."))
            .required("link_id", Schema.string("The ContentDocumentLink (06A...)."))
            .required("title", Schema.string("The note's title."))
            .required("message", Schema.string("What happened.")))
        .access(Access.APPEND)
        .handler((args, context) -> {
          String type = args.requiredString("object_type");
          String id = args.requiredString("object_id");
          String body = args.requiredString("body");
          return Invocation.of(() -> revops.writer().addNote(type, id, body),
              () -> revops.writer().planAddNote(type, id, body), AddNoteTool::render);
        })
        .build();
  }

  static ToolOutput render(NoteResult result) {
    if (result instanceof NoteResult.Added added) {
      Map<String, Object> structured = new LinkedHashMap<>();
      structured.put("outcome", "ADDED");
      structured.putAll(Structured.of(added));
      return new ToolOutput(structured, added.message());
    }
    if (result instanceof NoteResult.Failed failed) {
      throw new ToolFailureException("write_failed", failed.message());
    }
    throw new ToolFailureException("write_outcome_unknown", result.message());
  }
}
