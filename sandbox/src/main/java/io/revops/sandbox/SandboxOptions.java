package io.revops.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Sandbox} is set up. Immutable; made by {@link #builder()} or {@link #defaults()}.
 *
 * <p>The clock decides "today" for the sample data (dates are placed relative to it, so the data never
 * goes stale) and drives export jobs and relative date literals; inject a virtual clock in tests.
 */
public final class SandboxOptions {
  /** Salesforce's default query batch size. */
  public static final int DEFAULT_QUERY_PAGE_SIZE = 2000;
  /** The seed of the default sample data. */
  public static final long DEFAULT_SEED = 20_240_501L;

  private final Clock clock;
  private final long seed;
  private final int queryPageSize;
  private final Duration exportQueueTime;
  private final Duration exportRunTime;
  private final int exportConcurrentLimit;
  private final int exportMonthlyQuota;
  private final long dailyApiLimit;

  private SandboxOptions(Builder b) {
    this.clock = b.clock;
    this.seed = b.seed;
    this.queryPageSize = b.queryPageSize;
    this.exportQueueTime = b.exportQueueTime;
    this.exportRunTime = b.exportRunTime;
    this.exportConcurrentLimit = b.exportConcurrentLimit;
    this.exportMonthlyQuota = b.exportMonthlyQuota;
    this.dailyApiLimit = b.dailyApiLimit;
  }

  /** System clock, default seed, Salesforce's page size, export jobs of 1 s queued + 2 s running. */
  public static SandboxOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The clock for "today", export jobs and date literals (UTC is the org's time zone). */
  public Clock clock() {
    return clock;
  }

  /** The seed the sample data is generated from. */
  public long seed() {
    return seed;
  }

  /** Rows per query page before a {@code nextRecordsUrl} (default 2000, like Salesforce). */
  public int queryPageSize() {
    return queryPageSize;
  }

  /** How long a new export job stays SCHEDULED. */
  public Duration exportQueueTime() {
    return exportQueueTime;
  }

  /** How long an export job stays STARTED before DONE. */
  public Duration exportRunTime() {
    return exportRunTime;
  }

  /** Clari's concurrent export limit (default 2). */
  public int exportConcurrentLimit() {
    return exportConcurrentLimit;
  }

  /** Clari's rolling 30-day export quota (default 30). */
  public int exportMonthlyQuota() {
    return exportMonthlyQuota;
  }

  /** Salesforce's daily API request limit reported in {@code Sforce-Limit-Info} (default 15000). */
  public long dailyApiLimit() {
    return dailyApiLimit;
  }

  @Override
  public String toString() {
    return "SandboxOptions[seed=" + seed + ", queryPageSize=" + queryPageSize + ", exportQueueTime="
        + exportQueueTime + ", exportRunTime=" + exportRunTime + ", exportConcurrentLimit=" + exportConcurrentLimit
        + ", exportMonthlyQuota=" + exportMonthlyQuota + ", dailyApiLimit=" + dailyApiLimit + ", clock=" + clock + "]";
  }

  /** Builds {@link SandboxOptions}; every setter checks its argument. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private long seed = DEFAULT_SEED;
    private int queryPageSize = DEFAULT_QUERY_PAGE_SIZE;
    private Duration exportQueueTime = Duration.ofSeconds(1);
    private Duration exportRunTime = Duration.ofSeconds(2);
    private int exportConcurrentLimit = 2;
    private int exportMonthlyQuota = 30;
    private long dailyApiLimit = 15_000;

    private Builder() {}

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Rows per query page, 1-2000; tests use small pages to exercise {@code nextRecordsUrl}. */
    public Builder queryPageSize(int queryPageSize) {
      if (queryPageSize < 1 || queryPageSize > 2000) {
        throw new IllegalArgumentException("queryPageSize must be 1-2000 (Salesforce's largest batch), was "
            + queryPageSize);
      }
      this.queryPageSize = queryPageSize;
      return this;
    }

    /** How long export jobs stay SCHEDULED, then STARTED, on the sandbox's clock; zero or more each. */
    public Builder exportJobTimes(Duration queued, Duration running) {
      Objects.requireNonNull(queued, "queued");
      Objects.requireNonNull(running, "running");
      if (queued.isNegative() || running.isNegative()) {
        throw new IllegalArgumentException("export job times must not be negative, were " + queued + " and "
            + running);
      }
      this.exportQueueTime = queued;
      this.exportRunTime = running;
      return this;
    }

    /** Clari's concurrent export limit, at least 1. */
    public Builder exportConcurrentLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("exportConcurrentLimit must be at least 1, was " + limit);
      }
      this.exportConcurrentLimit = limit;
      return this;
    }

    /** Clari's rolling 30-day export quota, at least 1 (use {@link Faults#exhaustExportQuota()} for none). */
    public Builder exportMonthlyQuota(int quota) {
      if (quota < 1) {
        throw new IllegalArgumentException("exportMonthlyQuota must be at least 1, was " + quota
            + "; use faults().exhaustExportQuota() to test a used-up quota");
      }
      this.exportMonthlyQuota = quota;
      return this;
    }

    /** Salesforce's daily API request limit, at least 1. */
    public Builder dailyApiLimit(long limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("dailyApiLimit must be at least 1, was " + limit);
      }
      this.dailyApiLimit = limit;
      return this;
    }

    public SandboxOptions build() {
      return new SandboxOptions(this);
    }
  }
}
