package io.revops.mcp;

import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolFailureException;
import io.revops.mcp.tool.ToolHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A tool list served before its backend is ready: the definitions (names, schemas, descriptions) are
 * listed at once, and each call waits for the real definitions, then runs the real handler. This keeps
 * the sandbox's start (generating its data and opening its port) off the path of {@code initialize}
 * and {@code tools/list}.
 */
final class DeferredTools {
  private DeferredTools() {
  }

  /**
   * The {@code listed} definitions with handlers that delegate to the same-named tool of {@code real}.
   * Both lists must name the same tools; a call fails with an actionable message when {@code real}
   * failed.
   *
   * @param backend what {@code real} comes from, for that message, such as "the embedded sandbox"
   */
  static List<ToolDefinition> of(List<ToolDefinition> listed, CompletableFuture<List<ToolDefinition>> real,
      String backend) {
    CompletableFuture<Map<String, ToolHandler>> handlers = real.thenApply(tools -> byName(listed, tools));
    return listed.stream().map(tool -> withHandler(tool, (arguments, context) ->
        handler(handlers, tool.name(), backend).prepare(arguments, context))).toList();
  }

  private static Map<String, ToolHandler> byName(List<ToolDefinition> listed, List<ToolDefinition> real) {
    List<String> names = real.stream().map(ToolDefinition::name).toList();
    if (!names.equals(listed.stream().map(ToolDefinition::name).toList())) {
      throw new IllegalStateException("the backend's tools " + names + " differ from the listed ones");
    }
    Map<String, ToolHandler> handlers = new LinkedHashMap<>();
    real.forEach(tool -> handlers.put(tool.name(), tool.handler()));
    return handlers;
  }

  private static ToolHandler handler(CompletableFuture<Map<String, ToolHandler>> handlers, String name,
      String backend) {
    try {
      return handlers.join().get(name);
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ToolFailureException("backend_unavailable", "This server's backend, " + backend
          + ", could not start (" + cause.getMessage() + "), so no tool can answer. Restart the server; its stderr has the details.");
    }
  }

  private static ToolDefinition withHandler(ToolDefinition tool, ToolHandler handler) {
    return new ToolDefinition(tool.name(), tool.title(), tool.description(), tool.input(), tool.output(),
        tool.access(), handler, tool.howToGetMore(), tool.coreArgumentNames());
  }
}
