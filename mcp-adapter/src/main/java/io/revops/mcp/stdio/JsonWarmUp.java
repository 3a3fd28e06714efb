package io.revops.mcp.stdio;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds Jackson's (de)serializers for the {@code initialize} exchange ahead of time, on a second core
 * while the main thread builds the tool catalog and the server, so that the client's first request
 * does not wait for them. Results are discarded; a failure only means the first request builds them.
 */
final class JsonWarmUp {
  private static final Logger LOG = Logger.getLogger(JsonWarmUp.class.getName());
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
      + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"roots\":{\"listChanged\":true},\"elicitation\":{}},"
      + "\"clientInfo\":{\"name\":\"warm-up\",\"version\":\"0\"}}}";

  private JsonWarmUp() {
  }

  /** Runs the warm-up on a daemon thread and returns at once. */
  static void initializeExchange(McpJsonMapper json) {
    Thread thread = new Thread(() -> {
      try {
        JSONRPCRequest request = (JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(json, INITIALIZE);
        json.convertValue(request.params(), InitializeRequest.class);
        json.writeValueAsString(JSONRPCResponse.result(request.id(), new InitializeResult("2025-11-25",
            ServerCapabilities.builder().tools(false).logging().build(), new Implementation("warm-up", "0"),
            "warm-up")));
      } catch (java.io.IOException | RuntimeException e) {
        LOG.log(Level.FINE, "JSON warm-up failed; the first request builds its serializers", e);
      }
    }, "revops-mcp-warm-up-json");
    thread.setDaemon(true);
    thread.start();
  }
}
