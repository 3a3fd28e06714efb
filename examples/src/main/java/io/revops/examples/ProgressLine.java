package io.revops.examples;

import io.revops.clari.ExportProgress;
import io.revops.clari.ExportProgressListener;
import java.io.PrintWriter;

/**
 * Export progress on stderr: one line rewritten in place on a terminal, else one line per change of
 * status (so a log shows SCHEDULED, STARTED, DONE without a line for every poll).
 */
final class ProgressLine implements ExportProgressListener {
  private final PrintWriter err;
  private final boolean terminal;
  private String lastStatus = "";
  private int lastWidth;

  ProgressLine(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void onProgress(ExportProgress progress) {
    String text = String.format("Export job %s: %s (check %d, %d s)", progress.jobId().orElse("not submitted yet"),
        progress.status(), progress.attempt(), progress.elapsed().toSeconds());
    if (terminal) {
      err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
      lastWidth = text.length();
      err.flush();
    } else if (!progress.status().equals(lastStatus)) {
      err.println(text);
    }
    lastStatus = progress.status();
  }

  /** Ends the line on a terminal, so the next message starts on its own. */
  void finish() {
    if (terminal && lastWidth > 0) {
      err.println();
    }
  }
}
