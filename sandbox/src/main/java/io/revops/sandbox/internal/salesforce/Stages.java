package io.revops.sandbox.internal.salesforce;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The sample org's sales process: what each stage implies for probability, forecast category and the
 * closed/won flags, as Salesforce derives them when StageName changes.
 */
public final class Stages {
  /** One stage and what it implies. */
  public record Stage(String name, int probability, String forecastCategoryName, boolean closed, boolean won) {
    /** The API value of the forecast category ({@code Forecast} for {@code Commit}). */
    public String forecastCategory() {
      return forecastCategoryOf(forecastCategoryName);
    }

    public BigDecimal probabilityValue() {
      return BigDecimal.valueOf(probability);
    }
  }

  /** The sample org's commit stage. */
  public static final String COMMIT = "Commit";

  public static final List<Stage> ALL = List.of(
      new Stage("Prospecting", 10, "Pipeline", false, false),
      new Stage("Qualification", 20, "Pipeline", false, false),
      new Stage("Needs Analysis", 30, "Pipeline", false, false),
      new Stage("Proposal", 50, "Best Case", false, false),
      new Stage("Commit", 75, "Commit", false, false),
      new Stage("Negotiation", 90, "Commit", false, false),
      new Stage("Closed Won", 100, "Closed", true, true),
      new Stage("Closed Lost", 0, "Omitted", true, false));

  private Stages() {}

  public static Optional<Stage> named(String name) {
    return ALL.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
  }

  /** {@code ForecastCategory}'s API value for a {@code ForecastCategoryName} label. */
  public static String forecastCategoryOf(String forecastCategoryName) {
    int i = Schema.FORECAST_CATEGORY_NAMES.indexOf(forecastCategoryName);
    return i < 0 ? null : Schema.FORECAST_CATEGORIES.get(i);
  }
}
