package io.revops.clari;

/** Receives {@link ExportProgress} reports on the polling thread; must return quickly and not throw. */
@FunctionalInterface
public interface ExportProgressListener {
  /** Called after every status check and every slot check. */
  void onProgress(ExportProgress progress);

  /** A listener that ignores reports. */
  static ExportProgressListener none() {
    return progress -> { };
  }
}
