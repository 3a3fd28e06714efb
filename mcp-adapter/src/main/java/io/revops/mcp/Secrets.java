package io.revops.mcp;

import io.revops.core.config.ConfigVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configured credential values (every variable {@link ConfigVariable#secret()} marks), for the
 * {@link io.revops.mcp.tool.Redactor}. Tokens obtained later (by refresh or from a command) are
 * redacted by the SDKs themselves.
 */
final class Secrets {
  private Secrets() {
  }

  static List<String> of(Map<String, String> env) {
    List<String> secrets = new ArrayList<>();
    for (ConfigVariable variable : ConfigVariable.values()) {
      String value = env.get(variable.name());
      if (variable.secret() && value != null && !value.isBlank()) {
        secrets.add(value.strip());
      }
    }
    return secrets;
  }
}
