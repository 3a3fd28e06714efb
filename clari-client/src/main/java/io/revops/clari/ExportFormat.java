package io.revops.clari;

/** The file format of an export job's results. */
public enum ExportFormat {
  /** Typed results ({@link ForecastExport}). */
  JSON,
  /** Clari's CSV file, returned as text. */
  CSV
}
