package io.revops.mcp;

import io.revops.core.config.ConfigVariable;

/** The text of {@code --help}: the commands, the options, and every environment variable with its default. */
final class HelpText {
  private HelpText() {
  }

  static String render(String version) {
    StringBuilder text = new StringBuilder();
    text.append("revops-mcp ").append(version).append(
        " - an MCP server that lets Claude answer revenue-operations questions from\n"
        + "Clari forecasts and Salesforce pipeline.\n\n"
        + "Usage: java -jar revops-mcp.jar [command] [--dry-run]\n\n"
        + "Commands:\n"
        + "  serve      (default) Serve MCP over stdin/stdout for Claude Desktop, Claude Code or any\n"
        + "             MCP client. stdout carries only protocol messages; logs and one JSON line per\n"
        + "             tool call go to stderr.\n"
        + "  doctor     Check the configuration against the real services (Clari token, forecast id,\n"
        + "             Salesforce token, API usage left, audit object, commit stage) and print a\n"
        + "             checklist with the fix for each failure. Exit code 1 if any check fails.\n"
        + "  --help     Print this text.\n"
        + "  --version  Print the version.\n\n"
        + "Options:\n"
        + "  --dry-run  Every tool call returns the HTTP requests it would send (credentials redacted)\n"
        + "             instead of sending them; same as REVOPS_DRY_RUN=true. A call can still pass\n"
        + "             dry_run=false.\n\n"
        + "Environment variables (the Clari tools need CLARI_API_TOKEN; the Salesforce tools need\n"
        + "SFDC_INSTANCE_URL and a credential; at least one backend must be configured):\n");
    for (ConfigVariable variable : ConfigVariable.values()) {
      text.append("  ").append(variable.name());
      if (variable.secret()) {
        text.append("  (secret)");
      }
      text.append('\n');
      wrap(text, variable.description(), "      ");
      variable.defaultValue().ifPresent(value -> text.append("      Default: ").append(value).append('\n'));
    }
    text.append("\nExit codes: 0 ok, 1 doctor found a problem, 2 configuration error, 64 usage error.\n");
    return text.toString();
  }

  private static void wrap(StringBuilder out, String text, String indent) {
    int width = 96 - indent.length();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.append(indent).append(line).append('\n');
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      out.append(indent).append(line).append('\n');
    }
  }
}
