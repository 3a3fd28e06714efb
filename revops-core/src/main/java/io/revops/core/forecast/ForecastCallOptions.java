package io.revops.core.forecast;

import io.revops.clari.CancellationToken;
import io.revops.clari.ExportProgressListener;
import java.util.Objects;

/**
 * Per-call hooks of {@link ForecastService#getForecast(ForecastQuery, ForecastCallOptions)}: where
 * progress reports go and how the caller cancels. When several identical requests share one export,
 * each caller's listener receives every report from the moment it joined (plus the latest earlier one).
 * Cancelling (the token, or interrupting the calling thread) stops only that caller's wait, within about
 * 50 ms, with {@link ForecastWaitCancelledException}; the export keeps running for the other callers and
 * its result is cached. When the last caller leaves, the Clari job is cancelled (freeing its quota) and
 * a later identical request starts afresh.
 *
 * @param listener receives export progress (on the export's thread; must return quickly)
 * @param cancellation cancels this caller's wait
 */
public record ForecastCallOptions(ExportProgressListener listener, CancellationToken cancellation) {

  /** Checks for nulls. */
  public ForecastCallOptions {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(cancellation, "cancellation");
  }

  /** No progress reports and a token nobody cancels. */
  public static ForecastCallOptions none() {
    return new ForecastCallOptions(ExportProgressListener.none(), new CancellationToken());
  }
}
