package io.revops.salesforce;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's daily API usage as reported by the {@code Sforce-Limit-Info: api-usage=18/5000} header.
 *
 * @param used calls made in the rolling 24 hours
 * @param limit calls allowed in the rolling 24 hours
 */
public record ApiUsage(long used, long limit) {
  private static final Pattern API_USAGE = Pattern.compile("(?:^|[,\\s])api-usage=(\\d+)/(\\d+)");

  /** Calls left, never negative. */
  public long remaining() {
    return Math.max(0, limit - used);
  }

  /** Parses a {@code Sforce-Limit-Info} header value; empty when it holds no {@code api-usage} item. */
  public static Optional<ApiUsage> parseHeader(String headerValue) {
    if (headerValue == null) {
      return Optional.empty();
    }
    Matcher m = API_USAGE.matcher(headerValue);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ApiUsage(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return used + "/" + limit + " API calls used in the last 24 hours";
  }
}
