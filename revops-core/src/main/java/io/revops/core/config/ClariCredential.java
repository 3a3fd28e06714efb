package io.revops.core.config;

import java.util.Objects;

/** How revops-mcp obtains the Clari API token: a fixed token or a command. Secrets render as {@code ***}. */
public sealed interface ClariCredential {

  /** {@code CLARI_API_TOKEN}. */
  record ApiToken(Secret token) implements ClariCredential {
    public ApiToken {
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * {@code CLARI_API_TOKEN_COMMAND}: a command printing the token, run at first use and after a 401. The
   * command line is treated as a secret: it may embed one.
   */
  record Command(Secret command) implements ClariCredential {
    public Command {
      Objects.requireNonNull(command, "command");
    }
  }
}
