package io.revops.mcp;

import java.util.Locale;

/**
 * The parsed command line: one command (serve by default) and the {@code --dry-run} and {@code --sandbox}
 * flags.
 *
 * @param command what to do
 * @param dryRun whether tool calls default to returning their request plans
 * @param sandbox whether to serve (or check) the embedded sandbox's sample data instead of the configured services
 */
record CommandLine(Command command, boolean dryRun, boolean sandbox) {
  /** The commands of {@code revops-mcp.jar}. */
  enum Command { SERVE, DOCTOR, HELP, VERSION }

  static CommandLine parse(String[] args) {
    Command command = null;
    boolean dryRun = false;
    boolean sandbox = false;
    for (String arg : args) {
      switch (arg) {
        case "--dry-run" -> dryRun = true;
        case "--sandbox" -> sandbox = true;
        default -> {
          Command named = command(arg);
          if (command != null && command != named) {
            throw new IllegalArgumentException("give one command, not " + command.name().toLowerCase(Locale.ROOT)
                + " and " + arg);
          }
          command = named;
        }
      }
    }
    return new CommandLine(command == null ? Command.SERVE : command, dryRun, sandbox);
  }

  private static Command command(String arg) {
    return switch (arg) {
      case "serve" -> Command.SERVE;
      case "doctor" -> Command.DOCTOR;
      case "--help", "-h", "help" -> Command.HELP;
      case "--version", "version" -> Command.VERSION;
      default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
    };
  }
}
