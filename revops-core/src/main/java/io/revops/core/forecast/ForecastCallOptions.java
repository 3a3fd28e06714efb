package io.revops.core.forecast;

import io.revops.clari.CancellationToken;
import io.revops.clari.ExportProgressListener;
import java.util.Objects;

/**
 * Per-call hooks of {@link ForecastService#getForecast(ForecastQuery, ForecastCallOptions)}: where
 * progress reports go and how the caller cancels. When several identical requests share one export,
 * each caller's listener receives every report from the moment it joined (plus the latest earlier one),
 * and cancelling only stops that caller's wait; the Clari job itself is cancelled when no caller is
 * left waiting for it.
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
