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
import io.revops.sandbox.Sandbox;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;
import okhttp3.OkHttpClient;

/**
 * The {@code revops-mcp.jar} entry point: {@code serve} (the default) serves MCP over stdio,
 * {@code doctor} checks the configuration against the real services, {@code --help} explains the
 * commands and every environment variable; {@code --sandbox} runs either against the embedded sandbox's
 * sample data instead, with no credentials. In {@code serve}, the real stdout is handed to the MCP
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
      case DOCTOR -> command.sandbox()
          ? withSandbox(env, err, mode -> sandboxDoctor(mode, out, err))
          : withConfig(env, err, config -> Doctor.run(config, out));
      case SERVE -> {
        System.setOut(err); // from here on, only the transport writes to the real stdout
        yield command.sandbox()
            ? withSandbox(env, err, mode -> serveSandbox(mode, Secrets.of(env), command.dryRun(), in, out, err))
            : withConfig(env, err, config -> serve(config, Secrets.of(env), command.dryRun(), in, out, err));
      }
    };
  }

  private static int serve(RevOpsConfig config, List<String> secrets, boolean dryRunFlag, InputStream in,
      PrintStream protocolOut, PrintStream err) {
    CompletableFuture<McpJsonMapper> json = jsonMapper();
    HttpActivity http = new HttpActivity();
    RevOps revops = revops(config, http, Clock.systemUTC());
    List<ToolDefinition> tools = ToolCatalog.tools(revops);
    startServer(config, tools, secrets, dryRunFlag, http, json, in, protocolOut, err);
    err.println("revops-mcp " + version() + ": serving " + tools.size() + " tools (" + backends(revops)
        + ") over stdio" + modes(config, dryRunFlag));
    return SERVING;
  }

  /**
   * Serves every tool against the embedded sandbox. The sandbox starts once the server answers (see
   * {@link SandboxTools}), so that it does not compete with {@code initialize} for the CPU.
   */
  private static int serveSandbox(SandboxMode mode, List<String> userSecrets, boolean dryRunFlag, InputStream in,
      PrintStream protocolOut, PrintStream err) {
    err.println(mode.banner());
    CompletableFuture<McpJsonMapper> json = jsonMapper();
    HttpActivity http = new HttpActivity();
    SandboxTools sandbox = new SandboxTools(mode, http, err);
    List<String> secrets = new ArrayList<>(userSecrets);
    secrets.addAll(Secrets.of(mode.environment("", "")));
    startServer(sandbox.config(), sandbox.tools(), secrets, dryRunFlag, http, json, in, protocolOut, err);
    sandbox.startInBackground();
    err.println("revops-mcp " + version() + ": serving " + sandbox.tools().size() + " tools ("
        + backends(sandbox.listed()) + ", sandbox sample data) over stdio" + modes(sandbox.config(), dryRunFlag));
    return SERVING;
  }

  private static int sandboxDoctor(SandboxMode mode, PrintStream out, PrintStream err) {
    err.println(mode.banner());
    try (Sandbox sandbox = mode.start()) {
      err.println(SandboxMode.ready(sandbox));
      return Doctor.run(mode.config(sandbox), mode.clock(), out, "the embedded sandbox");
    }
  }

  /**
   * The JSON mapper is the largest single start-up cost: it is built on a second core while the calling
   * thread builds the tool catalog.
   */
  private static CompletableFuture<McpJsonMapper> jsonMapper() {
    return CompletableFuture.supplyAsync(() -> {
      McpJsonMapper mapper = McpJsonDefaults.getMapper();
      StdioServer.warmUp(mapper);
      return mapper;
    }, Main::daemon);
  }

  /** The service graph the tools use; {@code http} observes its calls for the call log. */
  static RevOps revops(RevOpsConfig config, HttpActivity http, Clock clock) {
    return RevOps.builder(config)
        .clock(clock)
        .httpClient(() -> new OkHttpClient.Builder().addInterceptor(http.interceptor()).build())
        .build();
  }

  private static void startServer(RevOpsConfig config, List<ToolDefinition> tools, List<String> secrets,
      boolean dryRunFlag, HttpActivity http, CompletableFuture<McpJsonMapper> json, InputStream in,
      PrintStream protocolOut, PrintStream err) {
    boolean dryRun = dryRunFlag || config.dryRun();
    LazySchemaValidator validator = new LazySchemaValidator();
    ToolRunner runner = new ToolRunner(dryRun, validator::delegate, http, new ResultLimiter(),
        new Redactor(secrets), new CallLog(err, Clock.systemUTC()));
    ServerIdentity identity = new ServerIdentity("revops-mcp", version(), ServerInstructions.forTools(tools));
    StdioServer.start(identity, tools, runner, json.join(), validator, in, protocolOut);
  }

  private static String modes(RevOpsConfig config, boolean dryRunFlag) {
    return (dryRunFlag || config.dryRun() ? " in dry-run mode: calls return their request plans" : "")
        + (config.readOnly() ? ", read-only" : "");
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "revops-mcp-start");
    thread.setDaemon(true);
    thread.start();
  }

  private static int withConfig(Map<String, String> env, PrintStream err, ToIntFunction<RevOpsConfig> action) {
    RevOpsConfig config;
    try {
      config = RevOpsConfig.fromEnvironment(env);
    } catch (ConfigurationException e) {
      return configurationError(e, err);
    }
    if (!config.hasAnyBackend()) {
      err.println(NoBackend.MESSAGE);
      return CONFIGURATION_ERROR;
    }
    return action.applyAsInt(config);
  }

  private static int withSandbox(Map<String, String> env, PrintStream err, ToIntFunction<SandboxMode> action) {
    SandboxMode mode;
    try {
      mode = SandboxMode.of(env, Clock.systemUTC());
    } catch (ConfigurationException e) {
      return configurationError(e, err);
    }
    return action.applyAsInt(mode);
  }

  private static int configurationError(ConfigurationException e, PrintStream err) {
    err.println("revops-mcp: configuration error: " + e.getMessage()
        + "\nFix it in the env block of this server's entry in your MCP client configuration (or your shell),"
        + " then start again. java -jar revops-mcp.jar --help lists every variable.");
    return CONFIGURATION_ERROR;
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
