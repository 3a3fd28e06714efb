package io.revops.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.revops.mcp.tool.CallContext;
import io.revops.mcp.tool.CallLog;
import io.revops.mcp.tool.HttpActivity;
import io.revops.mcp.tool.Redactor;
import io.revops.mcp.tool.ResultLimiter;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolRunner;
import io.revops.sandbox.SampleData;
import io.revops.sandbox.SampleRecord;
import io.revops.sandbox.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --sandbox} in process: the tools are listed before the sandbox runs, and once it does every
 * tool answers from it with structured content matching its output schema. The end-to-end test checks
 * the answers against the seeded data through the real MCP client; this one runs without Node.
 */
class SandboxToolsTest {
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
  private final JsonSchemaValidator validator = McpJsonDefaults.getSchemaValidator();
  private final HttpActivity http = new HttpActivity();
  private Sandbox started;

  @AfterEach
  void stop() {
    if (started != null) {
      started.close();
    }
  }

  @Test
  void everyToolIsListedBeforeTheSandboxStarts() {
    SandboxTools sandbox = tools(Map.of());

    assertThat(sandbox.tools()).extracting(ToolDefinition::name).containsExactly("get_forecast", "get_deal_risk",
        "get_admin_limits", "get_pipeline_changes", "get_account", "get_opportunity", "get_contact", "get_lead",
        "query", "pipeline_by_stage", "stale_opps", "at_risk_commits", "add_note", "update_field");
    assertThat(sandbox.listed().hasClari() && sandbox.listed().hasSalesforce()).isTrue();
    assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void readOnlyModeListsNoWriteTool() {
    assertThat(tools(Map.of("REVOPS_READ_ONLY", "true")).tools()).extracting(ToolDefinition::name)
        .hasSize(12).doesNotContain("add_note", "update_field");
  }

  @Test
  void aCallMadeBeforeTheSandboxStartsIsAnsweredOnceItRuns() {
    SandboxTools sandbox = tools(Map.of());
    ToolRunner runner = runner();
    CompletableFuture<CallToolResult> early = CompletableFuture.supplyAsync(
        () -> runner.call(byName(sandbox).get("get_admin_limits"), Map.of(), CallContext.none()));

    started = sandbox.startInBackground().join();

    CallToolResult result = early.join();
    assertThat(result.isError()).as(text(result)).isFalse();
    assertThat(((Map<?, ?>) result.structuredContent()).get("monthly_quota")).hasToString("30");
  }

  @Test
  void everyToolAnswersFromTheSandboxWithItsOutputSchema() {
    SandboxTools sandbox = tools(Map.of("REVOPS_SANDBOX_TODAY", "2026-05-14"));
    started = sandbox.startInBackground().join();
    Map<String, ToolDefinition> tools = byName(sandbox);
    ToolRunner runner = runner();

    for (Map.Entry<String, Map<String, Object>> call : validCalls(started.data()).entrySet()) {
      ToolDefinition tool = tools.get(call.getKey());
      CallToolResult result = runner.call(tool, call.getValue(), CallContext.none());
      assertThat(result.isError()).as(call.getKey() + ": " + text(result)).isFalse();
      var validation = validator.validate(tool.outputSchema(), result.structuredContent());
      assertThat(validation.valid()).as(call.getKey() + ": " + validation.errorMessage()).isTrue();
    }
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("sample data of Larkspur Systems (a fictional company)"
        + " for 2026-05-14 ready on http://127.0.0.1:");
  }

  private static Map<String, Map<String, Object>> validCalls(SampleData data) {
    SampleRecord opportunity = data.records("Opportunity").stream()
        .filter(o -> !o.getBoolean("IsClosed").orElseThrow()).findFirst().orElseThrow();
    String opp = opportunity.id();
    Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
    calls.put("get_forecast", Map.of());
    calls.put("get_deal_risk", Map.of("opp_ids", List.of(opp)));
    calls.put("get_admin_limits", Map.of());
    calls.put("get_pipeline_changes", Map.of("start_date", "2026-05-07", "end_date", "2026-05-13"));
    calls.put("get_account", Map.of("account_id", opportunity.getString("AccountId").orElseThrow()));
    calls.put("get_opportunity", Map.of("opp_id", opp));
    calls.put("get_contact", Map.of("contact_id", data.records("Contact").get(0).id()));
    calls.put("get_lead", Map.of("lead_id", data.records("Lead").get(0).id()));
    calls.put("query", Map.of("soql", "SELECT StageName, COUNT(Id) n FROM Opportunity GROUP BY StageName"));
    calls.put("pipeline_by_stage", Map.of());
    calls.put("stale_opps", Map.of());
    calls.put("at_risk_commits", Map.of("quarter_end_date", "2026-06-30"));
    calls.put("add_note", Map.of("object_type", "Opportunity", "object_id", opp, "body", "Pricing agreed."));
    calls.put("update_field", Map.of("object_type", "Opportunity", "object_id", opp, "field_name", "NextStep",
        "new_value", "Legal review", "justification", "Agreed in the forecast call today"));
    return calls;
  }

  private SandboxTools tools(Map<String, String> env) {
    return new SandboxTools(SandboxMode.of(env, Clock.systemUTC()), http, logStream);
  }

  private ToolRunner runner() {
    return new ToolRunner(false, () -> validator, http, new ResultLimiter(),
        new Redactor(List.of(Sandbox.CLARI_API_TOKEN, Sandbox.SALESFORCE_ACCESS_TOKEN)),
        new CallLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Clock.systemUTC()));
  }

  private static Map<String, ToolDefinition> byName(SandboxTools sandbox) {
    return sandbox.tools().stream()
        .collect(Collectors.toMap(ToolDefinition::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  private static String text(CallToolResult result) {
    return result.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
        .collect(Collectors.joining("\n"));
  }
}
