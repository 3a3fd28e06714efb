package io.revops.mcp.doctor;

import io.revops.core.config.RevOpsConfig;
import java.io.PrintStream;

/** Checks a configuration against the real services (written next). */
public final class Doctor {
  private Doctor() {
  }

  /** Runs every check and prints the checklist; returns the exit code. */
  public static int run(RevOpsConfig config, PrintStream out) {
    out.println("doctor: not implemented yet");
    return 1;
  }
}
