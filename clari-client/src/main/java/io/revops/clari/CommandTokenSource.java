package io.revops.clari;

import io.revops.clari.internal.SecretCommand;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link ClariTokenSource} that runs a command printing the API token, e.g. from a secret store
 * ({@code op read op://vault/clari/token}, {@code vault kv get -field=token secret/clari}). The command runs
 * once at first use and again when Clari answers 401 (requests rejected at the same moment share one
 * run). It runs under {@code /bin/sh -c} ({@code cmd.exe /c} on Windows) with no standard input and its
 * standard error discarded, and is stopped after {@link Builder#timeout}; surrounding whitespace of the
 * output is trimmed.
 *
 * <p>A failing command raises {@link ClariAuthenticationException} (HTTP status 0) naming its exit code,
 * never its output or command line; neither appears in {@code toString()} or logs.
 */
public final class CommandTokenSource implements ClariTokenSource {
  /** The default time a command may run. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = Logger.getLogger(CommandTokenSource.class.getName());

  private final SecretCommand command;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile String current;
  private volatile long runsFinished;
  private ClariAuthenticationException lastFailure; // guarded by lock

  private CommandTokenSource(SecretCommand command) {
    this.command = command;
  }

  /** A source running {@code command}, named "the Clari token command" in messages. */
  public static CommandTokenSource of(String command) {
    return builder(command).build();
  }

  public static Builder builder(String command) {
    return new Builder(command);
  }

  @Override
  public String token(boolean refresh) {
    if (refresh) {
      return refresh(current);
    }
    String token = current;
    if (token != null) {
      return token;
    }
    long seen = runsFinished;
    lock.lock();
    try {
      token = current;
      return token != null ? token : runOrShare(seen);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String refresh(String rejected) {
    long seen = runsFinished;
    lock.lock();
    try {
      String token = current;
      return token != null && !token.equals(rejected) ? token : runOrShare(seen);
    } finally {
      lock.unlock();
    }
  }

  private String runOrShare(long seen) {
    if (runsFinished != seen && lastFailure != null) {
      throw new ClariAuthenticationException(lastFailure.getMessage(), 0, null, null, lastFailure);
    }
    try {
      String token = run();
      current = token;
      lastFailure = null;
      return token;
    } catch (ClariAuthenticationException e) {
      current = null;
      lastFailure = e;
      throw e;
    } finally {
      runsFinished++;
    }
  }

  private String run() {
    String output;
    try {
      output = command.run();
    } catch (SecretCommand.Failure e) {
      throw new ClariAuthenticationException(e.getMessage(), 0, null, null, null);
    }
    if (output.chars().anyMatch(Character::isWhitespace)) {
      throw new ClariAuthenticationException(command.label() + " printed more than one word; it should print only"
          + " the Clari API token (e.g. `vault kv get -field=token ...`, not the whole secret).", 0, null, null, null);
    }
    LOG.log(Level.INFO, "Clari: obtained the API token from {0}", command.label());
    return output;
  }

  @Override
  public String toString() {
    return "CommandTokenSource[" + command.label() + "]";
  }

  /** Configures a {@link CommandTokenSource}. */
  public static final class Builder {
    private final String command;
    private String label = "the Clari token command";
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder(String command) {
      this.command = Objects.requireNonNull(command, "command");
    }

    /** How messages name the command, e.g. {@code CLARI_API_TOKEN_COMMAND}; the command itself is never shown. */
    public Builder label(String label) {
      this.label = Objects.requireNonNull(label, "label");
      return this;
    }

    /** How long the command may run before it is stopped; default 30 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Builds the source; runs nothing yet. */
    public CommandTokenSource build() {
      return new CommandTokenSource(new SecretCommand(command, label, timeout));
    }
  }
}
