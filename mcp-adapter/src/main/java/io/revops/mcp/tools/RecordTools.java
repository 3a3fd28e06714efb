package io.revops.mcp.tools;

import io.revops.core.CrmObject;
import io.revops.core.RevOps;
import io.revops.core.plan.DryRunPlan;
import io.revops.core.records.CrmRecord;
import io.revops.core.records.RecordService;
import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.Structured;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolFailureException;
import io.revops.mcp.tool.ToolOutput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** {@code get_account}, {@code get_opportunity}, {@code get_contact}, {@code get_lead}: one record by id. */
final class RecordTools {
  /** One row of the table: a tool and the core calls behind it. */
  private record Row(String tool, CrmObject object, String argument, String coreArgument, String example,
      String extra, BiFunction<RecordService, String, Optional<CrmRecord>> read,
      BiFunction<RecordService, String, DryRunPlan> plan) {
  }

  private static final List<Row> TABLE = List.of(
      new Row("get_account", CrmObject.ACCOUNT, "account_id", "accountId", "001Z000000AbCdEIAQ",
          "Use it for a company's details (industry, owner, revenue, address, custom fields).",
          RecordService::getAccount, RecordService::planGetAccount),
      new Row("get_opportunity", CrmObject.OPPORTUNITY, "opp_id", "opportunityId", "006Z000000EPuiyIAD",
          "Use it for one deal's stage, amount, close date, next step and owner (name and email included).",
          RecordService::getOpportunity, RecordService::planGetOpportunity),
      new Row("get_contact", CrmObject.CONTACT, "contact_id", "contactId", "003Z000000AbCdEIAQ",
          "Use it for a person at a customer: title, email, phone, account.",
          RecordService::getContact, RecordService::planGetContact),
      new Row("get_lead", CrmObject.LEAD, "lead_id", "leadId", "00QZ000000AbCdEIAQ",
          "Use it for a prospect not yet converted: company, status, source.",
          RecordService::getLead, RecordService::planGetLead));

  private RecordTools() {
  }

  static List<ToolDefinition> definitions(RevOps revops) {
    return TABLE.stream().map(row -> definition(revops, row)).toList();
  }

  private static ToolDefinition definition(RevOps revops, Row row) {
    String object = row.object().apiName();
    return ToolDefinition.builder(row.tool())
        .title("Get " + object.toLowerCase(java.util.Locale.ROOT))
        .description("Reads one Salesforce " + object + " by id and returns every populated field (API names),"
                + " as the integration user sees it (sharing and field-level security apply).", row.extra(),
            "Needs the record id (" + row.object().keyPrefix() + "..., 15 or 18 characters); to find records by"
                + " name or criteria use query first.")
        .input(Schema.object(null).required(row.argument(), Schema.string("The " + object + " id: "
            + row.object().keyPrefix() + " followed by 12 or 15 letters and digits, such as " + row.example() + ".")
            .pattern("^" + row.object().keyPrefix() + "[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$")))
        .output(Schema.result(null)
            .required("object", Schema.string("The object type.").enumOf(object))
            .required("id", Schema.string("The 18-character record id."))
            .required("fields", Schema.result("Every populated field by API name: text, number, boolean, or a"
                + " related record as a nested object."))
            .optional("owner", Schema.result("The owner (opportunities only).")
                .required("name", Schema.string("Full name."))
                .optional("email", Schema.string("Email, when visible.")))
            .required("found", Schema.bool("Always true: a missing record is an error result.")))
        .access(Access.READ)
        .coreArgument(row.coreArgument(), row.argument())
        .howToGetMore("Use query with a SELECT of the fields you need.")
        .handler((args, context) -> {
          String id = args.requiredString(row.argument());
          return Invocation.of(
              () -> row.read().apply(revops.records(), id).orElseThrow(() -> notFound(object, id)),
              () -> row.plan().apply(revops.records(), id),
              RecordTools::render);
        })
        .build();
  }

  private static ToolFailureException notFound(String object, String id) {
    return new ToolFailureException("not_found", "No " + object + " with id " + id + " is visible to the integration"
        + " user: it may have been deleted or merged, or sharing hides it. Check the id (query can search by name).");
  }

  static ToolOutput render(CrmRecord record) {
    Map<String, Object> structured = new java.util.LinkedHashMap<>(Structured.of(record));
    structured.put("found", true);
    StringBuilder text = new StringBuilder();
    text.append(record.object().apiName()).append(' ').append(record.id()).append('\n');
    record.owner().ifPresent(owner -> text.append("Owner: ").append(owner.name())
        .append(owner.email().map(e -> " <" + e + ">").orElse("")).append('\n'));
    record.fields().forEach((name, value) -> text.append(name).append(": ").append(Values.text(value)).append('\n'));
    return new ToolOutput(structured, text.toString().stripTrailing());
  }
}
