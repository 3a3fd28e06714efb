package io.revops.mcp;

import io.revops.core.config.RevOpsConfig;
import java.util.ArrayList;
import java.util.List;

/** The credential values of a configuration, for the {@link io.revops.mcp.tool.Redactor}. */
final class Secrets {
  private Secrets() {
  }

  static List<String> of(RevOpsConfig config) {
    List<String> secrets = new ArrayList<>();
    config.clari().ifPresent(clari -> secrets.add(clari.apiToken().reveal()));
    config.salesforce().ifPresent(salesforce -> secrets.add(salesforce.accessToken().reveal()));
    return secrets;
  }
}
