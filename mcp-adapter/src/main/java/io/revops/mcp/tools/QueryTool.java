package io.revops.mcp.tools;

import io.revops.core.RevOps;
import io.revops.core.query.QueryResultPage;
import io.revops.mcp.tool.Access;
import io.revops.mcp.tool.Invocation;
import io.revops.mcp.tool.Schema;
import io.revops.mcp.tool.Structured;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolOutput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code query}: one read-only SOQL SELECT through the guard, page by page. */
final class QueryTool {
  private static final int MAX_COLUMNS = 12;

  private QueryTool() {
  }

  static ToolDefinition definition(RevOps revops) {
    return ToolDefinition.builder("query")
        .title("Query Salesforce (SOQL)")
        .description(
            "Runs one read-only SOQL SELECT against Salesforce as the integration user (sharing and field-level"
                + " security apply) and returns up to 200 rows per page. Use it for questions the other tools do"
                + " not answer, or to find record ids by name.",
            "Limits: only a single SELECT (no DML, no semicolons); LIMIT 200 is added or lowered; OFFSET at most"
                + " 2000. When next_cursor is returned, call again with that cursor for the next page."
                + " Aggregates (COUNT, SUM ... GROUP BY) give exact totals without paging.")
        .input(Schema.object(null)
            .optional("soql", Schema.string("One SOQL SELECT, such as SELECT Id, Name, StageName FROM Opportunity"
                + " WHERE IsClosed = false ORDER BY CloseDate. Required unless cursor is given.").length(1, 100_000))
            .optional("bypass_sharing", Schema.bool("Reserved and not supported: true is refused. Queries always"
                + " respect the integration user's sharing.").defaultValue(false))
            .optional("cursor", Schema.string("The next_cursor of an earlier page of the same query, to read the"
                + " following page.").length(1, 4_000)))
        .output(Schema.result(null)
            .optional("soql", Schema.string("The query as sent, after the guard (for example with LIMIT 200 added)."))
            .required("total_size", Schema.integer("Rows the query matched, as Salesforce reports it."))
            .required("records", Schema.array("This page's rows; relationship fields nest.",
                Schema.result("One row by field API name.")))
            .optional("next_cursor", Schema.string("Pass it as cursor to read the next page.")))
        .access(Access.READ)
        .howToGetMore("Select fewer fields, add a WHERE clause or a smaller LIMIT; or page with next_cursor.")
        .handler((args, context) -> {
          Optional<String> soql = args.string("soql");
          boolean bypassSharing = args.bool("bypass_sharing").orElse(false);
          Optional<String> cursor = args.string("cursor");
          return Invocation.of(() -> revops.queries().query(soql, bypassSharing, cursor),
              () -> revops.queries().planQuery(soql, bypassSharing, cursor), QueryTool::render);
        })
        .build();
  }

  static ToolOutput render(QueryResultPage page) {
    StringBuilder text = new StringBuilder();
    text.append(page.records().size()).append(" of ").append(page.totalSize()).append(" row(s)");
    page.soql().ifPresent(soql -> text.append(" for: ").append(soql));
    text.append("\n\n");
    if (!page.records().isEmpty()) {
      List<String> columns = columns(page.records());
      List<List<String>> rows = new ArrayList<>();
      for (Map<String, Object> record : page.records()) {
        rows.add(columns.stream().map(c -> Text.shorten(Values.text(record.get(c)), 80)).toList());
      }
      text.append(Text.table(columns, rows));
    }
    page.nextCursor().ifPresent(cursor -> text.append("\nMore rows: call query with cursor=").append(cursor)
        .append('\n'));
    return new ToolOutput(Structured.of(page), text.toString().stripTrailing());
  }

  private static List<String> columns(List<Map<String, Object>> records) {
    Set<String> columns = new LinkedHashSet<>();
    for (Map<String, Object> record : records) {
      for (String key : record.keySet()) {
        if (!key.equals("attributes") && columns.size() < MAX_COLUMNS) {
          columns.add(key);
        }
      }
    }
    return List.copyOf(columns);
  }

}
