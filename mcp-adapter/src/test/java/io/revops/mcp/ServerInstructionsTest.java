package io.revops.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.core.RevOps;
import io.revops.core.config.RevOpsConfig;
import io.revops.mcp.tools.ToolCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerInstructionsTest {
  private static String instructions(Map<String, String> env) {
    return ServerInstructions.forTools(ToolCatalog.tools(RevOps.create(RevOpsConfig.fromEnvironment(env))));
  }

  @Test
  void namesOnlyTheRegisteredToolsAndStaysShort() {
    String clariOnly = instructions(Map.of("CLARI_API_TOKEN", "clari-token-value"));
    assertThat(clariOnly).contains("get_forecast", "get_pipeline_changes").doesNotContain("query", "update_field");

    String readOnly = instructions(Map.of("SFDC_INSTANCE_URL", "https://acme.my.salesforce.com",
        "SFDC_ACCESS_TOKEN", "00Dxx!sf-token-value", "REVOPS_READ_ONLY", "true"));
    assertThat(readOnly).contains("pipeline_by_stage", "query").doesNotContain("get_forecast", "update_field");

    String all = instructions(Map.of("CLARI_API_TOKEN", "clari-token-value",
        "SFDC_INSTANCE_URL", "https://acme.my.salesforce.com", "SFDC_ACCESS_TOKEN", "00Dxx!sf-token-value"));
    assertThat(all).contains("update_field", "justification", "dry_run");
    assertThat(all.getBytes(StandardCharsets.UTF_8).length).isLessThan(2_000);
  }
}
