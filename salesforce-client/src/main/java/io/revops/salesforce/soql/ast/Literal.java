package io.revops.salesforce.soql.ast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.OptionalInt;

/** A literal value on the right-hand side of a condition, or a function argument. */
public sealed interface Literal extends Expr
    permits Literal.StringValue,
        Literal.LikePattern,
        Literal.NumberValue,
        Literal.BooleanValue,
        Literal.NullValue,
        Literal.DateValue,
        Literal.DateTimeValue,
        Literal.RelativeDate,
        Literal.CurrencyValue {

  /** A single-quoted string with its escapes resolved: {@code 'it\'s'} has the value {@code it's}. */
  record StringValue(String value) implements Literal {
    /** Rejects null. */
    public StringValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The pattern of a {@code LIKE} comparison. Escapes are resolved except three, which stay escaped so
   * a matcher can tell literal characters from wildcards: {@code \%} (a literal percent), {@code \_}
   * (a literal underscore) and {@code \\} (a literal backslash). Unescaped {@code %} matches any run of
   * characters and unescaped {@code _} matches one character.
   */
  record LikePattern(String pattern) implements Literal {
    /** Rejects null. */
    public LikePattern {
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  /** An integer or decimal number, sign included: {@code -5.5}. */
  record NumberValue(BigDecimal value) implements Literal {
    /** Rejects null. */
    public NumberValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code TRUE} or {@code FALSE}. */
  record BooleanValue(boolean value) implements Literal {}

  /** {@code NULL}. */
  record NullValue() implements Literal {}

  /** An unquoted date such as {@code 2026-05-01}. */
  record DateValue(LocalDate value) implements Literal {
    /** Rejects null. */
    public DateValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /** An unquoted datetime such as {@code 2026-05-01T00:00:00Z} or {@code 2026-05-01T08:00:00.5+05:30}. */
  record DateTimeValue(OffsetDateTime value) implements Literal {
    /** Rejects null. */
    public DateTimeValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A relative date literal: {@code TODAY}, {@code LAST_WEEK}, {@code THIS_FISCAL_QUARTER} (no
   * {@code n}), or {@code LAST_N_DAYS:30}, {@code N_MONTHS_AGO:2} (with {@code n}). The name is
   * upper-cased.
   */
  record RelativeDate(String name, OptionalInt n) implements Literal {
    /** Rejects null. */
    public RelativeDate {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(n, "n");
    }

    /** The literal as SOQL spells it canonically: {@code LAST_N_DAYS:30}. */
    public String canonical() {
      return n.isPresent() ? name + ":" + n.getAsInt() : name;
    }
  }

  /** A currency literal such as {@code USD5000} or {@code EUR100.50}: an ISO code and an amount. */
  record CurrencyValue(String isoCode, BigDecimal amount) implements Literal {
    /** Rejects null. */
    public CurrencyValue {
      Objects.requireNonNull(isoCode, "isoCode");
      Objects.requireNonNull(amount, "amount");
    }
  }
}
