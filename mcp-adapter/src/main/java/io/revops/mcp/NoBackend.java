package io.revops.mcp;

/** What the server says when started with neither Clari nor Salesforce configured. */
final class NoBackend {
  static final String MESSAGE = "revops-mcp: no backend is configured, so there is nothing to serve.\n"
      + "Set, in the env block of this server's entry in your MCP client configuration (or in your shell):\n"
      + "  - CLARI_API_TOKEN (Clari: Settings > API Token) for the Clari tools, and/or\n"
      + "  - SFDC_INSTANCE_URL (https://<your-domain>.my.salesforce.com) and one Salesforce credential for the"
      + " Salesforce tools:\n"
      + "    SFDC_CLIENT_ID + SFDC_JWT_KEY_FILE + SFDC_USERNAME (JWT bearer, best for a server), or\n"
      + "    SFDC_CLIENT_ID + SFDC_REFRESH_TOKEN (refresh token), or SFDC_CLIENT_ID + SFDC_CLIENT_SECRET (client\n"
      + "    credentials), or SFDC_ACCESS_TOKEN_COMMAND (for example sf org display --json), or SFDC_ACCESS_TOKEN.\n"
      + "Then restart the server. java -jar revops-mcp.jar --help lists every variable.\n"
      + "To try every tool first without any credentials, start it with --sandbox (java -jar revops-mcp.jar"
      + " --sandbox): it serves sample data of a fictional company and contacts no real org or tenant.";

  private NoBackend() {
  }
}
