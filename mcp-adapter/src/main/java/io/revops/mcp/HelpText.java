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
        + "Usage: java -jar revops-mcp.jar [command] [--sandbox] [--dry-run]\n\n"
        + "Try it first, without credentials:  java -jar revops-mcp.jar --sandbox\n\n"
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
        + "  --sandbox  Serve every tool (writes too, unless REVOPS_READ_ONLY=true) against sample data of a\n"
        + "             fictional company, from an emulator of the Salesforce and Clari APIs inside this\n"
        + "             process on 127.0.0.1: no credentials needed, no real org or tenant contacted. The\n"
        + "             CLARI_* and SFDC_* variables naming an org, a tenant or a credential are ignored\n"
        + "             (the server says which); the REVOPS_* settings, CLARI_POLL_* and CLARI_SYNC_FORECAST\n"
        + "             apply. Forecast tab net_arr (also renewals), commit stage Commit, audit object\n"
        + "             Cleanup_Audit__c. Writes change only this process's copy. With doctor: checks the\n"
        + "             sandbox. " + SandboxMode.TODAY_VARIABLE + "=yyyy-mm-dd generates the data for that day"
        + " (its clock\n"
        + "             starts at 12:00 UTC then), for reproducible demos; default today.\n"
        + "  --dry-run  Every tool call returns the HTTP requests it would send (credentials redacted)\n"
        + "             instead of sending them; same as REVOPS_DRY_RUN=true. A call can still pass\n"
        + "             dry_run=false.\n\n"
        + "Environment variables (the Clari tools need CLARI_API_TOKEN; the Salesforce tools need\n"
        + "SFDC_INSTANCE_URL and a credential; at least one backend must be configured, unless --sandbox):\n");
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
