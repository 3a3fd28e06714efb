package io.revops.mcp;

import io.revops.core.RevOps;
import io.revops.core.config.RevOpsConfig;
import io.revops.mcp.tool.HttpActivity;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tools.ToolCatalog;
import io.revops.sandbox.Sandbox;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The tools of {@code --sandbox}: listed at once, from the sandbox configuration without its URLs, and
 * answering through a {@link RevOps} pointed at the sandbox once {@link #startInBackground()} has started
 * it (a call made earlier waits for it). Keeping the sandbox's start (a few hundred milliseconds on a
 * cold JVM, generating the sample data) off the path of {@code initialize} and {@code tools/list} keeps
 * the server's start-up as fast as without it.
 */
final class SandboxTools {
  private final SandboxMode mode;
  private final CompletableFuture<Sandbox> sandbox = new CompletableFuture<>();
  private final RevOpsConfig listedConfig;
  private final RevOps listed;
  private final List<ToolDefinition> tools;

  /**
   * @param http observes every HTTP call of the tools (for the call log)
   * @param log where the sandbox's "ready" line, or why it could not start, goes (stderr)
   */
  SandboxTools(SandboxMode mode, HttpActivity http, PrintStream log) {
    this.mode = mode;
    this.listedConfig = mode.placeholderConfig();
    this.listed = Main.revops(listedConfig, http, mode.clock());
    CompletableFuture<List<ToolDefinition>> real = sandbox.thenApply(started -> {
      log.println(SandboxMode.ready(started));
      return ToolCatalog.tools(Main.revops(mode.config(started), http, mode.clock()));
    });
    real.exceptionally(e -> {
      log.println("revops-mcp --sandbox: the sandbox could not start, so every tool call fails: "
          + (e.getCause() == null ? e : e.getCause()));
      return null;
    });
    this.tools = DeferredTools.of(ToolCatalog.tools(listed), real, "the embedded sandbox");
  }

  /** The tools to serve. */
  List<ToolDefinition> tools() {
    return tools;
  }

  /** The configuration the tools were listed from: the sandbox's, with the user's read-only and dry-run settings. */
  RevOpsConfig config() {
    return listedConfig;
  }

  /** Which backends the tools reach. */
  RevOps listed() {
    return listed;
  }

  /**
   * Starts the sandbox on a daemon thread and returns at once. A daemon, so that the sandbox's HTTP server
   * threads, which inherit it, never keep the JVM alive once the client has closed stdin.
   */
  CompletableFuture<Sandbox> startInBackground() {
    Thread thread = new Thread(() -> {
      try {
        sandbox.complete(mode.start());
      } catch (RuntimeException | Error e) {
        sandbox.completeExceptionally(e);
      }
    }, "revops-mcp-sandbox");
    thread.setDaemon(true);
    thread.start();
    return sandbox;
  }
}
