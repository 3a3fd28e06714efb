package io.revops.mcp.stdio;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.revops.mcp.tool.CallContext;
import io.revops.mcp.tool.ProgressReporter;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolRunner;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves a list of {@link ToolDefinition}s over MCP stdio with the Java SDK: stdin goes through
 * {@link CancellingStdin}, each tool's handler runs through the {@link ToolRunner} with a progress
 * reporter (when the client sent a progress token) and the call's cancellation.
 */
public final class StdioServer {
  private static final Logger LOG = Logger.getLogger(StdioServer.class.getName());

  private StdioServer() {
  }

  /**
   * Prepares the JSON handling of the {@code initialize} exchange on a second core as soon as the
   * mapper exists (see {@link JsonWarmUp}); call it before building the tools to overlap the two.
   */
  public static void warmUp(McpJsonMapper json) {
    JsonWarmUp.initializeExchange(json);
  }

  /**
   * Starts serving; returns at once, the transport's threads keep the JVM alive until stdin closes.
   *
   * @param protocolOut the real stdout; nothing else may write to it
   */
  public static McpSyncServer start(ServerIdentity identity, List<ToolDefinition> tools, ToolRunner runner,
      McpJsonMapper json, LazySchemaValidator validator, InputStream stdin, OutputStream protocolOut) {
    CancellationRegistry registry = new CancellationRegistry();
    List<SyncToolSpecification> specifications = specifications(tools, runner, registry);
    warmUp(json, specifications);
    var transport = new StdioServerTransportProvider(json, new CancellingStdin(stdin, json, registry), protocolOut);
    McpSyncServer server = McpServer.sync(transport)
        .serverInfo(identity.name(), identity.version())
        .instructions(identity.instructions())
        .capabilities(ServerCapabilities.builder().tools(false).logging().build())
        .jsonMapper(json)
        .jsonSchemaValidator(validator)
        .validateToolInputs(false) // the ToolRunner validates, so that failures are logged and explained
        .tools(specifications)
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(server::closeGracefully, "revops-mcp-shutdown"));
    return server;
  }

  /**
   * Serialises the tool list once on a background thread while the server starts, so that Jackson's
   * serializers for it are built before the client's {@code tools/list} arrives (a second core does it
   * in parallel with answering {@code initialize}). The answer is discarded; failures are ignored.
   */
  private static void warmUp(McpJsonMapper json, List<SyncToolSpecification> specifications) {
    Thread warmUp = new Thread(() -> {
      try {
        json.writeValueAsString(new ListToolsResult(specifications.stream().map(SyncToolSpecification::tool).toList(),
            null));
      } catch (java.io.IOException | RuntimeException e) {
        LOG.log(Level.FINE, "Warm-up of the tool list failed; the first tools/list will build its serializers", e);
      }
    }, "revops-mcp-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /** The SDK tool specifications, one per definition. */
  public static List<SyncToolSpecification> specifications(List<ToolDefinition> tools, ToolRunner runner,
      CancellationRegistry registry) {
    return tools.stream().map(tool -> SyncToolSpecification.builder()
        .tool(mcpTool(tool, runner.dryRunByDefault()))
        .callHandler((exchange, request) -> call(tool, runner, registry, exchange, request))
        .build()).toList();
  }

  /** The {@code tools/list} entry of a definition. */
  public static Tool mcpTool(ToolDefinition tool, boolean dryRunByDefault) {
    return Tool.builder(tool.name())
        .title(tool.title())
        .description(tool.description())
        .inputSchema(tool.inputSchema(dryRunByDefault))
        .outputSchema(tool.outputSchema())
        .annotations(ToolAnnotations.builder()
            .title(tool.title())
            .readOnlyHint(tool.access().readOnly())
            .destructiveHint(tool.access().destructive())
            .idempotentHint(tool.access().idempotent())
            .openWorldHint(tool.access().openWorld())
            .build())
        .build();
  }

  private static CallToolResult call(ToolDefinition tool, ToolRunner runner, CancellationRegistry registry,
      McpSyncServerExchange exchange, CallToolRequest request) {
    String key = requestKey(request);
    try {
      CallContext context = new CallContext(progress(exchange, request), registry.lookup(key));
      return runner.call(tool, request.arguments(), context);
    } finally {
      registry.release(key);
    }
  }

  private static String requestKey(CallToolRequest request) {
    Map<String, Object> meta = request.meta();
    return meta != null && meta.get(CancellationRegistry.META_KEY) instanceof String key ? key : null;
  }

  private static ProgressReporter progress(McpSyncServerExchange exchange, CallToolRequest request) {
    Object token = request.progressToken();
    if (token == null) {
      return ProgressReporter.NONE;
    }
    AtomicInteger step = new AtomicInteger();
    return message -> {
      try {
        exchange.progressNotification(
            ProgressNotification.builder(token, step.incrementAndGet()).message(message).build());
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not send a progress notification", e);
      }
    };
  }

  /**
   * What the server tells clients about itself in {@code initialize}.
   *
   * @param instructions one short paragraph on which tool answers which question
   */
  public record ServerIdentity(String name, String version, String instructions) {
    public ServerIdentity {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(instructions, "instructions");
    }
  }
}
