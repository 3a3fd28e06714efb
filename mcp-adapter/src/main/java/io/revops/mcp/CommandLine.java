package io.revops.mcp;

/**
 * The parsed command line: one command (serve by default) and the {@code --dry-run} flag.
 *
 * @param command what to do
 * @param dryRun whether tool calls default to returning their request plans
 */
record CommandLine(Command command, boolean dryRun) {
  /** The commands of {@code revops-mcp.jar}. */
  enum Command { SERVE, DOCTOR, HELP, VERSION }

  static CommandLine parse(String[] args) {
    Command command = null;
    boolean dryRun = false;
    for (String arg : args) {
      Command named = switch (arg) {
        case "serve" -> Command.SERVE;
        case "doctor" -> Command.DOCTOR;
        case "--help", "-h", "help" -> Command.HELP;
        case "--version", "version" -> Command.VERSION;
        case "--dry-run" -> null;
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      };
      if (named == null) {
        dryRun = true;
      } else if (command != null && command != named) {
        throw new IllegalArgumentException("give one command, not " + command.name().toLowerCase(java.util.Locale.ROOT)
            + " and " + arg);
      } else {
        command = named;
      }
    }
    return new CommandLine(command == null ? Command.SERVE : command, dryRun);
  }
}
