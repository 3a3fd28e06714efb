package io.revops.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.revops.core.RevOps;
import io.revops.core.config.RevOpsConfig;
import io.revops.mcp.fakes.EndToEndFakes;
import io.revops.mcp.fakes.FakeClari;
import io.revops.mcp.fakes.FakeSalesforce;
import io.revops.mcp.tool.CallContext;
import io.revops.mcp.tool.CallLog;
import io.revops.mcp.tool.HttpActivity;
import io.revops.mcp.tool.Redactor;
import io.revops.mcp.tool.ResultLimiter;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every tool, in process, against the fake Clari and Salesforce endpoints: a valid call returns
 * structured content that satisfies the tool's declared output schema (the SDK turns a mismatch into an
 * error result), and an invalid call is an error result that sends nothing. The end-to-end test does
 * the same through the real MCP client; this one runs without Node.
 */
class ToolsAgainstFakesTest {
  private static final Map<String, Map<String, Object>> VALID = new LinkedHashMap<>();
  private static final Map<String, Map<String, Object>> INVALID = new LinkedHashMap<>();

  static {
    String opp = EndToEndFakes.OPPORTUNITY;
    VALID.put("get_forecast", Map.of("forecast_id", "net_arr", "time_period", "2026_Q2"));
    INVALID.put("get_forecast", Map.of("currency", "usd"));
    VALID.put("get_deal_risk", Map.of("opp_ids", List.of(opp)));
    INVALID.put("get_deal_risk", Map.of("opp_ids", List.of()));
    VALID.put("get_admin_limits", Map.of());
    INVALID.put("get_admin_limits", Map.of("all", true));
    VALID.put("get_pipeline_changes", Map.of("start_date", "2026-05-01", "end_date", "2026-05-07"));
    INVALID.put("get_pipeline_changes", Map.of("start_date", "2026-05-01", "end_date", "2026-05-07", "limit", 500));
    VALID.put("get_account", Map.of("account_id", EndToEndFakes.ACCOUNT));
    INVALID.put("get_account", Map.of("account_id", "001 not an id"));
    VALID.put("get_opportunity", Map.of("opp_id", opp));
    INVALID.put("get_opportunity", Map.of("opp_id", opp.substring(0, 15) + "ZZZ"));
    VALID.put("get_contact", Map.of("contact_id", EndToEndFakes.CONTACT));
    INVALID.put("get_contact", Map.of("contact_id", EndToEndFakes.LEAD));
    VALID.put("get_lead", Map.of("lead_id", EndToEndFakes.LEAD));
    INVALID.put("get_lead", Map.of("lead_id", ""));
    VALID.put("query", Map.of("soql", "SELECT Id, Name FROM Account"));
    INVALID.put("query", Map.of("soql", "SELECT Id FROM Account", "bypass_sharing", true));
    VALID.put("pipeline_by_stage", Map.of("owner_id", "005000000000001AAA"));
    INVALID.put("pipeline_by_stage", Map.of("owner_id", EndToEndFakes.ACCOUNT));
    VALID.put("stale_opps", Map.of());
    INVALID.put("stale_opps", Map.of("days_in_stage_threshold", 3651));
    VALID.put("at_risk_commits", Map.of("quarter_end_date", "2026-06-30"));
    INVALID.put("at_risk_commits", Map.of());
    VALID.put("add_note", Map.of("object_type", "Opportunity", "object_id", opp, "body", "Pricing agreed."));
    INVALID.put("add_note", Map.of("object_type", "Campaign", "object_id", opp, "body", "x"));
    VALID.put("update_field", Map.of("object_type", "Opportunity", "object_id", opp, "field_name", "NextStep",
        "new_value", "Legal review", "justification", "Agreed in the forecast call today"));
    INVALID.put("update_field", Map.of("object_type", "Opportunity", "object_id", opp, "field_name", "Next Step",
        "new_value", "Legal review", "justification", "Agreed in the forecast call today"));
  }

  private final MockWebServer clari = new MockWebServer();
  private final MockWebServer salesforce = new MockWebServer();
  private final EndToEndFakes fakes = new EndToEndFakes();
  private final JsonSchemaValidator validator = McpJsonDefaults.getSchemaValidator();
  private Map<String, ToolDefinition> tools;
  private ToolRunner runner;

  @BeforeEach
  void start() throws IOException {
    clari.setDispatcher(fakes.clari());
    salesforce.setDispatcher(fakes.salesforce());
    clari.start();
    salesforce.start();
    Map<String, String> env = Map.of("CLARI_API_TOKEN", FakeClari.TOKEN, "CLARI_BASE_URL", clari.url("/v4").toString(),
        "SFDC_INSTANCE_URL", salesforce.url("/").toString(), "SFDC_ACCESS_TOKEN", FakeSalesforce.TOKEN);
    HttpActivity http = new HttpActivity();
    RevOps revops = RevOps.builder(RevOpsConfig.fromEnvironment(env))
        .httpClient(() -> new OkHttpClient.Builder().addInterceptor(http.interceptor()).build()).build();
    tools = ToolCatalog.tools(revops).stream()
        .collect(Collectors.toMap(ToolDefinition::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    runner = new ToolRunner(false, () -> validator, http, new ResultLimiter(),
        new Redactor(List.of(FakeClari.TOKEN, FakeSalesforce.TOKEN)),
        new CallLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Clock.systemUTC()));
  }

  @AfterEach
  void stop() {
    clari.close();
    salesforce.close();
  }

  @Test
  void theCasesCoverEveryTool() {
    assertThat(VALID.keySet()).containsExactlyInAnyOrderElementsOf(tools.keySet());
    assertThat(INVALID.keySet()).containsExactlyInAnyOrderElementsOf(tools.keySet());
  }

  @Test
  void invalidCallsAreErrorResultsThatSendNothing() {
    for (Map.Entry<String, Map<String, Object>> call : INVALID.entrySet()) {
      CallToolResult result = runner.call(tools.get(call.getKey()), call.getValue(), CallContext.none());
      assertThat(result.isError()).as(call.getKey()).isTrue();
      assertThat(text(result)).as(call.getKey()).contains("Nothing was sent").doesNotContain("Exception");
    }
    assertThat(clari.getRequestCount() + salesforce.getRequestCount()).isZero();
  }

  @Test
  void validCallsReturnStructuredContentMatchingTheOutputSchema() {
    for (Map.Entry<String, Map<String, Object>> call : VALID.entrySet()) {
      ToolDefinition tool = tools.get(call.getKey());
      CallToolResult result = runner.call(tool, call.getValue(), CallContext.none());
      assertThat(result.isError()).as(call.getKey() + ": " + text(result)).isFalse();
      var validation = validator.validate(tool.outputSchema(), result.structuredContent());
      assertThat(validation.valid()).as(call.getKey() + ": " + validation.errorMessage()).isTrue();
      assertThat(text(result)).as(call.getKey()).isNotBlank().doesNotContain(FakeClari.TOKEN, FakeSalesforce.TOKEN);
    }
  }

  @Test
  void dryRunsMatchTheOutputSchemaAndSendNothing() {
    for (Map.Entry<String, Map<String, Object>> call : VALID.entrySet()) {
      ToolDefinition tool = tools.get(call.getKey());
      Map<String, Object> arguments = new LinkedHashMap<>(call.getValue());
      arguments.put("dry_run", true);
      CallToolResult result = runner.call(tool, arguments, CallContext.none());
      assertThat(result.isError()).as(call.getKey() + ": " + text(result)).isFalse();
      assertThat(validator.validate(tool.outputSchema(), result.structuredContent()).valid()).as(call.getKey()).isTrue();
    }
    assertThat(clari.getRequestCount() + salesforce.getRequestCount()).isZero();
  }

  private static String text(CallToolResult result) {
    return result.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
        .collect(Collectors.joining("\n"));
  }
}
