package io.revops.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed values from an environment map. Blank values count as unset, because MCP client
 * configurations often carry {@code ""} for variables the user has not filled in. Every failure is a
 * {@link ConfigurationException} naming the variable; secret values are never echoed.
 */
final class EnvironmentReader {
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

  private final Map<String, String> env;

  EnvironmentReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  Optional<String> string(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  Optional<Secret> secret(String name) {
    return string(name).map(Secret::of);
  }

  String string(String name, String defaultValue) {
    return string(name).orElse(defaultValue);
  }

  String matching(String name, String defaultValue, Pattern pattern, String expected) {
    String value = string(name, defaultValue);
    if (!pattern.matcher(value).matches()) {
      throw new ConfigurationException(name, "'" + value + "' is not " + expected);
    }
    return value;
  }

  boolean bool(String name, boolean defaultValue) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new ConfigurationException(
          name, "'" + value.get() + "' is not a boolean: set it to true or false");
    };
  }

  int integer(String name, int defaultValue, int min, int max) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed < min || parsed > max) {
        throw outOfRange(name, value.get(), min, max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw outOfRange(name, value.get(), min, max);
    }
  }

  Duration seconds(String name, int defaultSeconds, int min, int max) {
    return Duration.ofSeconds(integer(name, defaultSeconds, min, max));
  }

  /** An absolute https URL, or http to a loopback host (tokens never travel over plain http). */
  URI url(String name, String defaultValue) {
    String value = string(name, defaultValue);
    URI uri;
    try {
      uri = new URI(stripTrailingSlash(value));
    } catch (URISyntaxException e) {
      throw new ConfigurationException(name, "'" + value + "' is not a URL: " + e.getReason());
    }
    String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ConfigurationException(
          name, "'" + value + "' is not an absolute http(s) URL such as https://example.my.salesforce.com");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new ConfigurationException(
          name, "'" + value + "' uses plain http: tokens are only sent over https (plain http is allowed for"
              + " loopback hosts only). Use the https:// URL");
    }
    return uri;
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return LOOPBACK_HOSTS.contains(h) || h.startsWith("127.");
  }

  private static String stripTrailingSlash(String value) {
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private static ConfigurationException outOfRange(String name, String value, int min, int max) {
    return new ConfigurationException(
        name, "'" + value + "' is not a whole number from " + min + " to " + max);
  }
}
