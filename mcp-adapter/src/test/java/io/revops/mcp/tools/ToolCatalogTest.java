package io.revops.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.revops.core.RevOps;
import io.revops.core.config.RevOpsConfig;
import io.revops.mcp.stdio.StdioServer;
import io.revops.mcp.tool.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {
  private static final Map<String, String> CLARI = Map.of("CLARI_API_TOKEN", "clari-token-value");
  private static final Map<String, String> SALESFORCE = Map.of("SFDC_INSTANCE_URL", "https://acme.my.salesforce.com",
      "SFDC_ACCESS_TOKEN", "00Dxx!sf-token-value");

  private static List<ToolDefinition> tools(Map<String, String> env) {
    RevOps revops = RevOps.builder(RevOpsConfig.fromEnvironment(env))
        .httpClient(() -> {
          throw new AssertionError("listing tools must not build an HTTP client");
        })
        .build();
    return ToolCatalog.tools(revops);
  }

  private static Map<String, String> both(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(CLARI);
    env.putAll(SALESFORCE);
    env.putAll(extra);
    return env;
  }

  private static List<String> names(List<ToolDefinition> tools) {
    return tools.stream().map(ToolDefinition::name).toList();
  }

  @Test
  void toolsAreRegisteredPerConfiguredBackend() {
    assertThat(names(tools(CLARI))).containsExactly("get_forecast", "get_deal_risk", "get_admin_limits",
        "get_pipeline_changes");
    assertThat(names(tools(SALESFORCE))).containsExactly("get_pipeline_changes", "get_account", "get_opportunity",
        "get_contact", "get_lead", "query", "pipeline_by_stage", "stale_opps", "at_risk_commits", "add_note",
        "update_field");
    assertThat(names(tools(both(Map.of())))).hasSize(14).doesNotHaveDuplicates();
  }

  @Test
  void readOnlyModeRemovesTheWriteTools() {
    assertThat(names(tools(both(Map.of("REVOPS_READ_ONLY", "true"))))).hasSize(12)
        .doesNotContain("add_note", "update_field");
  }

  @Test
  void everySchemaIsValidJsonSchemaAndEveryArgumentIsDescribed() {
    JsonSchemaValidator validator = McpJsonDefaults.getSchemaValidator();
    for (ToolDefinition definition : tools(both(Map.of()))) {
      Tool tool = StdioServer.mcpTool(definition, false);
      assertThat(validator.validateSchema(tool.inputSchema()).valid()).as(tool.name()).isTrue();
      assertThat(validator.validateSchema(tool.outputSchema()).valid()).as(tool.name()).isTrue();
      assertThat(tool.inputSchema()).as(tool.name()).containsEntry("additionalProperties", false)
          .containsEntry("type", "object");
      assertDescribed(tool.name(), tool.inputSchema());
      assertThat(tool.description().getBytes(StandardCharsets.UTF_8).length).as(tool.name()).isLessThan(1024);
      assertThat(tool.title()).as(tool.name()).isNotBlank();
      assertThat(("mcp__revops__" + tool.name()).length()).isLessThanOrEqualTo(64);
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertDescribed(String tool, Map<String, Object> objectSchema) {
    Map<String, Object> properties = (Map<String, Object>) objectSchema.get("properties");
    assertThat(properties).as(tool).containsKey("dry_run");
    properties.forEach((name, schema) -> {
      Map<String, Object> property = (Map<String, Object>) schema;
      assertThat((String) property.get("description")).as(tool + "." + name).isNotBlank();
      if (property.get("items") instanceof Map<?, ?> items) {
        assertThat((String) ((Map<String, Object>) items).get("description")).as(tool + "." + name + "[]").isNotBlank();
      }
    });
  }

  @Test
  void annotationsSetAllFourHintsExplicitly() {
    for (ToolDefinition definition : tools(both(Map.of()))) {
      var annotations = StdioServer.mcpTool(definition, false).annotations();
      List<Boolean> hints = List.of(annotations.readOnlyHint(), annotations.destructiveHint(),
          annotations.idempotentHint(), annotations.openWorldHint());
      List<Boolean> expected = switch (definition.name()) {
        case "add_note" -> List.of(false, false, false, true);
        case "update_field" -> List.of(false, true, false, true);
        default -> List.of(true, false, true, true);
      };
      assertThat(hints).as(definition.name()).isEqualTo(expected);
    }
  }

  @Test
  void dryRunModeIsAnnouncedInTheArgumentDefault() {
    Tool tool = StdioServer.mcpTool(tools(CLARI).get(0), true);
    @SuppressWarnings("unchecked")
    Map<String, Object> dryRun = (Map<String, Object>) ((Map<String, Object>) tool.inputSchema().get("properties"))
        .get("dry_run");
    assertThat(dryRun).containsEntry("default", true);
    assertThat((String) dryRun.get("description")).contains("dry-run mode");
  }
}
