package io.revops.clari;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters for {@code GET /audit/events}. Clari keeps about 30 days of events; dates are sent as ISO-8601
 * ({@code 2026-05-03T16:22:18Z} or {@code 2026-05-03}).
 *
 * @param dateFrom start, ISO-8601 (Clari's default: 30 days ago)
 * @param dateTo end, ISO-8601 (Clari's default: now)
 * @param limit page size, 1-1000
 * @param event a single event name such as {@code api.accessed}
 */
public record AuditEventQuery(Optional<String> dateFrom, Optional<String> dateTo, int limit, Optional<String> event) {
  /** Validates; messages name the argument. */
  public AuditEventQuery {
    Objects.requireNonNull(dateFrom, "dateFrom");
    Objects.requireNonNull(dateTo, "dateTo");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1-1000 (Clari's page size), was " + limit);
    }
    Objects.requireNonNull(event, "event");
    event.ifPresent(e -> {
      if (e.isBlank() || e.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("event must be one event name such as api.accessed, was '" + e + "'");
      }
    });
  }

  /** Starts a query (limit 100, no filters). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AuditEventQuery}s. */
  public static final class Builder {
    private Instant fromInstant;
    private Instant toInstant;
    private String from;
    private String to;
    private int limit = 100;
    private String event;

    private Builder() {
    }

    /** Events at or after this instant (sent to the second). */
    public Builder dateFrom(Instant from) {
      this.fromInstant = Objects.requireNonNull(from, "dateFrom").truncatedTo(ChronoUnit.SECONDS);
      this.from = fromInstant.toString();
      return this;
    }

    /** Events from this date. */
    public Builder dateFrom(LocalDate from) {
      return dateFrom(Objects.requireNonNull(from, "dateFrom").atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    /** Events at or before this instant (sent to the second). */
    public Builder dateTo(Instant to) {
      this.toInstant = Objects.requireNonNull(to, "dateTo").truncatedTo(ChronoUnit.SECONDS);
      this.to = toInstant.toString();
      return this;
    }

    /** Events up to the end of this date. */
    public Builder dateTo(LocalDate to) {
      return dateTo(Objects.requireNonNull(to, "dateTo").plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC)
          .toInstant().minusSeconds(1));
    }

    /** Page size, 1-1000 (default 100). */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Only this event name. */
    public Builder event(String event) {
      this.event = event;
      return this;
    }

    /** Validates and builds. */
    public AuditEventQuery build() {
      if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
        throw new IllegalArgumentException("dateFrom " + from + " is after dateTo " + to + "; swap them.");
      }
      return new AuditEventQuery(Optional.ofNullable(from), Optional.ofNullable(to), limit, Optional.ofNullable(event));
    }
  }
}
