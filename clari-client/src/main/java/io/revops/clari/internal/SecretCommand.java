package io.revops.clari.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a user-configured shell command whose standard output is a secret (e.g. {@code op read ...}).
 * The child gets no standard input (it must not read the MCP protocol stream), its standard error is
 * discarded, and its output is trimmed. Failures carry a message naming the command's label and exit code
 * but never its output or the command text, either of which may hold a secret.
 *
 * <p>The same small class lives in each SDK's {@code internal} package: the SDKs may not depend on each
 * other, and a shared module for 100 lines would cost more than it saves.
 */
public final class SecretCommand {
  /** Output beyond this is refused: a token is far shorter, and a runaway command must not fill memory. */
  static final int MAX_OUTPUT_BYTES = 64 * 1024;
  /** How long a command may take once it has exited to close its output (e.g. a lingering child). */
  private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

  /** Why a command gave no secret; the message is safe to show and log. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  private final String command;
  private final String label;
  private final Duration timeout;

  /**
   * @param command run by {@code /bin/sh -c} ({@code cmd.exe /c} on Windows)
   * @param label how messages name the command, e.g. {@code CLARI_API_TOKEN_COMMAND}
   * @param timeout how long the command may run before it is stopped
   */
  public SecretCommand(String command, String label, Duration timeout) {
    this.command = Objects.requireNonNull(command, "command");
    this.label = Objects.requireNonNull(label, "label");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (command.isBlank()) {
      throw new IllegalArgumentException(label + " is blank: pass the command that prints the secret");
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  public String label() {
    return label;
  }

  /** Runs the command and returns its trimmed, non-empty standard output. */
  public String run() throws Failure {
    Process process;
    try {
      process = new ProcessBuilder(shell()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new Failure(label + " could not be started (" + e.getMessage() + "). Check that a shell is available.");
    }
    try {
      process.getOutputStream().close(); // no input: the command must not wait for (or read) ours
      FutureTask<byte[]> output = new FutureTask<>(() -> readBounded(process.getInputStream()));
      Thread reader = new Thread(output, "secret-command-output");
      reader.setDaemon(true);
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new Failure(label + " did not finish within " + seconds(timeout) + " and was stopped. Run it in"
            + " a terminal to see whether it waits for input (such as a sign-in prompt).");
      }
      int exitCode = process.exitValue();
      byte[] bytes = output.get(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      if (exitCode != 0) {
        throw new Failure(label + " failed with exit code " + exitCode + ". Its output is not shown because it may"
            + " contain secrets: run the command in a terminal to see its error.");
      }
      if (bytes.length > MAX_OUTPUT_BYTES) {
        throw new Failure(label + " printed more than " + MAX_OUTPUT_BYTES / 1024 + " KiB; it should print only"
            + " the secret.");
      }
      String text = new String(bytes, StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        throw new Failure(label + " succeeded but printed nothing; it should print the secret on standard output.");
      }
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(label + " was interrupted.");
    } catch (TimeoutException e) {
      throw new Failure(label + " exited but kept its output open (a background process?); it was stopped.");
    } catch (ExecutionException | IOException e) {
      throw new Failure(label + "'s output could not be read (" + e.getClass().getSimpleName() + ").");
    } finally {
      stop(process);
    }
  }

  private static byte[] readBounded(InputStream in) throws IOException {
    try (in) {
      return in.readNBytes(MAX_OUTPUT_BYTES + 1);
    }
  }

  /** Ends the command and anything it started (children first: once the shell dies they are orphaned). */
  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private List<String> shell() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return windows ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", command);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  @Override
  public String toString() {
    return "SecretCommand[" + label + "]";
  }
}
