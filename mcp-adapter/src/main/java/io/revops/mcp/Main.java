package io.revops.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.revops.core.RevOps;
import io.revops.core.config.ConfigurationException;
import io.revops.core.config.RevOpsConfig;
import io.revops.mcp.doctor.Doctor;
import io.revops.mcp.stdio.LazySchemaValidator;
import io.revops.mcp.stdio.StdioServer;
import io.revops.mcp.stdio.StdioServer.ServerIdentity;
import io.revops.mcp.tool.CallLog;
import io.revops.mcp.tool.HttpActivity;
import io.revops.mcp.tool.Redactor;
import io.revops.mcp.tool.ResultLimiter;
import io.revops.mcp.tool.ToolDefinition;
import io.revops.mcp.tool.ToolRunner;
import io.revops.mcp.tools.ToolCatalog;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * The {@code revops-mcp.jar} entry point: {@code serve} (the default) serves MCP over stdio,
 * {@code doctor} checks the configuration against the real services, {@code --help} explains the
 * commands and every environment variable. In {@code serve}, the real stdout is handed to the MCP
 * transport and {@code System.out} is pointed at stderr first, so no stray print can corrupt the
 * protocol stream.
 */
public final class Main {
  static final int OK = 0;
  static final int CHECK_FAILED = 1;
  static final int CONFIGURATION_ERROR = 2;
  static final int USAGE_ERROR = 64;
  /** {@link #run} returns this when the server is running on its own threads. */
  static final int SERVING = -1;

  private Main() {
  }

  /** Runs the command named by {@code args}. */
  public static void main(String[] args) {
    // One line per log record on stderr (the JDK default takes two); set before any logger exists.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
    }
    int code = run(args, System.getenv(), System.in, System.out, System.err);
    if (code != SERVING) {
      System.exit(code);
    }
  }

  /**
   * Runs a command with explicit streams and environment (tests use this).
   *
   * @return the exit code, or {@link #SERVING} when the server keeps running on its own threads
   */
  static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    CommandLine command;
    try {
      command = CommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("revops-mcp: " + e.getMessage() + "\nRun java -jar revops-mcp.jar --help for the commands.");
      return USAGE_ERROR;
    }
    return switch (command.command()) {
      case HELP -> {
        out.print(HelpText.render(version()));
        out.flush();
        yield OK;
      }
      case VERSION -> {
        out.println("revops-mcp " + version());
        yield OK;
      }
      case DOCTOR -> withConfig(env, err, config -> Doctor.run(config, out));
      case SERVE -> {
        System.setOut(err); // from here on, only the transport writes to the real stdout
        yield withConfig(env, err, config -> serve(config, Secrets.of(env), command.dryRun(), in, out, err));
      }
    };
  }

  private static int serve(RevOpsConfig config, List<String> secrets, boolean dryRunFlag, InputStream in,
      PrintStream protocolOut, PrintStream err) {
    // The JSON mapper is the largest single start-up cost: build it on a second core while this thread
    // builds the tool catalog.
    CompletableFuture<McpJsonMapper> json = CompletableFuture.supplyAsync(() -> {
      McpJsonMapper mapper = McpJsonDefaults.getMapper();
      StdioServer.warmUp(mapper);
      return mapper;
    }, Main::daemon);
    boolean dryRun = dryRunFlag || config.dryRun();
    HttpActivity http = new HttpActivity();
    RevOps revops = RevOps.builder(config)
        .httpClient(() -> new OkHttpClient.Builder().addInterceptor(http.interceptor()).build())
        .build();
    List<ToolDefinition> tools = ToolCatalog.tools(revops);
    LazySchemaValidator validator = new LazySchemaValidator();
    ToolRunner runner = new ToolRunner(dryRun, validator::delegate, http, new ResultLimiter(),
        new Redactor(secrets), new CallLog(err, Clock.systemUTC()));
    ServerIdentity identity = new ServerIdentity("revops-mcp", version(), ServerInstructions.forTools(tools));
    StdioServer.start(identity, tools, runner, json.join(), validator, in, protocolOut);
    err.println("revops-mcp " + version() + ": serving " + tools.size() + " tools ("
        + backends(revops) + ") over stdio" + (dryRun ? " in dry-run mode: calls return their request plans" : "")
        + (config.readOnly() ? ", read-only" : ""));
    return SERVING;
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "revops-mcp-start");
    thread.setDaemon(true);
    thread.start();
  }

  private static int withConfig(Map<String, String> env, PrintStream err,
      java.util.function.ToIntFunction<RevOpsConfig> action) {
    RevOpsConfig config;
    try {
      config = RevOpsConfig.fromEnvironment(env);
    } catch (ConfigurationException e) {
      err.println("revops-mcp: configuration error: " + e.getMessage()
          + "\nFix it in the env block of this server's entry in your MCP client configuration (or your shell),"
          + " then start again. java -jar revops-mcp.jar --help lists every variable.");
      return CONFIGURATION_ERROR;
    }
    if (!config.hasAnyBackend()) {
      err.println(NoBackend.MESSAGE);
      return CONFIGURATION_ERROR;
    }
    return action.applyAsInt(config);
  }

  private static String backends(RevOps revops) {
    return revops.hasClari() && revops.hasSalesforce() ? "Clari and Salesforce"
        : revops.hasClari() ? "Clari" : "Salesforce";
  }

  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
