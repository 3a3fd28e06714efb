package io.revops.core.forecast;

/**
 * The caller of {@link ForecastService#getForecast(ForecastQuery, ForecastCallOptions)} cancelled (its
 * {@link io.revops.clari.CancellationToken} or a thread interrupt) and stopped waiting. The message says
 * what happened to the shared export: left running for the other callers waiting for the same forecast,
 * or cancelled at Clari because nobody else was waiting.
 */
public final class ForecastWaitCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean exportCancelled;

  private ForecastWaitCancelledException(String message, boolean exportCancelled) {
    super(message);
    this.exportCancelled = exportCancelled;
  }

  static ForecastWaitCancelledException beforeStart() {
    return new ForecastWaitCancelledException("The forecast request was cancelled by the caller before it started;"
        + " nothing was sent to Clari.", false);
  }

  static ForecastWaitCancelledException lastWaiter() {
    return new ForecastWaitCancelledException("Stopped waiting for the Clari forecast at the caller's request; no"
        + " other request was waiting for it, so the Clari export job (if one was submitted) is being cancelled to"
        + " free its quota.", true);
  }

  static ForecastWaitCancelledException othersWaiting(int others) {
    return new ForecastWaitCancelledException("Stopped waiting for the Clari forecast at the caller's request; "
        + others + " other request(s) still wait for the same export, so it keeps running and its result will be"
        + " cached.", false);
  }

  /** True when this caller was the last one waiting, so the shared export was cancelled at Clari. */
  public boolean exportCancelled() {
    return exportCancelled;
  }
}
