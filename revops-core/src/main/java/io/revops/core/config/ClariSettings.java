package io.revops.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Clari: present in {@link RevOpsConfig} only when {@code CLARI_API_TOKEN} or
 * {@code CLARI_API_TOKEN_COMMAND} is set.
 *
 * @param credential where the API token (sent as the {@code apikey} header) comes from
 * @param baseUrl the API base, {@code https://api.clari.com/v4} unless overridden
 * @param defaultForecastId the Forecast Tab id (such as {@code net_arr}) used when a call names none
 * @param pollMaxAttempts with {@code pollInterval}, the budget for waiting on an export job
 * @param pollInterval the steady polling interval once the first quick polls are spent
 * @param syncForecast whether to try the one-request forecast read before an export job
 */
public record ClariSettings(
    ClariCredential credential,
    URI baseUrl,
    Optional<String> defaultForecastId,
    int pollMaxAttempts,
    Duration pollInterval,
    boolean syncForecast) {

  public ClariSettings {
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(defaultForecastId, "defaultForecastId");
    Objects.requireNonNull(pollInterval, "pollInterval");
  }
}
