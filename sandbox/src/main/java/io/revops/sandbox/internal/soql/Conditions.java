package io.revops.sandbox.internal.soql;

import io.revops.salesforce.SalesforceId;
import io.revops.salesforce.soql.ast.Condition;
import io.revops.salesforce.soql.ast.Expr;
import io.revops.salesforce.soql.ast.Literal;
import io.revops.sandbox.internal.salesforce.FieldType;
import io.revops.sandbox.internal.salesforce.SalesforceError;
import io.revops.sandbox.internal.salesforce.Values;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compiles WHERE and HAVING conditions into predicates, checking every literal against the type of what
 * it is compared with (as Salesforce does before running a query), with SOQL's semantics: text compares
 * case-insensitively, {@code !=} also matches empty fields while {@code NOT IN} does not (as secondary
 * sources describe SOQL; unconfirmed against a live org), date literals stand for ranges of days.
 */
final class Conditions<T> {
  /** Where the compiler gets its operands. */
  interface Terms<T> {
    Term<T> term(Expr expr);

    Predicate<T> semiJoin(Condition.SemiJoin join);
  }

  private static final Object NULL = new Object();

  private final Terms<T> terms;
  private final LocalDate today;

  Conditions(Terms<T> terms, LocalDate today) {
    this.terms = terms;
    this.today = today;
  }

  Predicate<T> compile(Condition condition) {
    if (condition instanceof Condition.And and) {
      List<Predicate<T>> parts = compileAll(and.operands());
      return t -> parts.stream().allMatch(p -> p.test(t));
    }
    if (condition instanceof Condition.Or or) {
      List<Predicate<T>> parts = compileAll(or.operands());
      return t -> parts.stream().anyMatch(p -> p.test(t));
    }
    if (condition instanceof Condition.Not not) {
      return compile(not.operand()).negate();
    }
    if (condition instanceof Condition.Comparison comparison) {
      return comparison(comparison);
    }
    if (condition instanceof Condition.InList in) {
      return inList(in);
    }
    return terms.semiJoin((Condition.SemiJoin) condition);
  }

  private List<Predicate<T>> compileAll(List<Condition> conditions) {
    List<Predicate<T>> out = new ArrayList<>();
    conditions.forEach(c -> out.add(compile(c)));
    return out;
  }

  private Predicate<T> comparison(Condition.Comparison c) {
    Term<T> term = terms.term(c.left());
    if (c.operator() == Condition.Operator.LIKE) {
      return like(term, ((Literal.LikePattern) c.right()).pattern());
    }
    Object expected = literal(term, c.right(), today);
    Condition.Operator op = c.operator();
    if (expected == NULL && op != Condition.Operator.EQ && op != Condition.Operator.NE) {
      throw SalesforceError.malformedQuery("null can only be compared with = or != (field " + term.label() + ")");
    }
    return t -> test(term, op, term.value().apply(t), expected);
  }

  private static <T> boolean test(Term<T> term, Condition.Operator op, Object actual, Object expected) {
    if (expected == NULL) {
      return op == Condition.Operator.EQ ? actual == null : actual != null;
    }
    if (actual == null) {
      return op == Condition.Operator.NE;
    }
    if (expected instanceof DateRange range) {
      LocalDate day = Values.day(actual);
      return switch (op) {
        case EQ -> range.contains(day);
        case NE -> !range.contains(day);
        case LT -> day.isBefore(range.start());
        case LE -> !day.isAfter(range.end());
        case GT -> day.isAfter(range.end());
        case GE -> !day.isBefore(range.start());
        case LIKE -> throw new IllegalStateException();
      };
    }
    return switch (op) {
      case EQ -> Values.same(actual, expected);
      case NE -> !Values.same(actual, expected);
      case LT -> Values.compareNatural(actual, expected) < 0;
      case LE -> Values.compareNatural(actual, expected) <= 0;
      case GT -> Values.compareNatural(actual, expected) > 0;
      case GE -> Values.compareNatural(actual, expected) >= 0;
      case LIKE -> throw new IllegalStateException();
    };
  }

  private Predicate<T> like(Term<T> term, String pattern) {
    if (!term.type().isText()) {
      throw SalesforceError.invalidField("invalid operator on field '" + term.label() + "': LIKE needs a text field");
    }
    Pattern regex = likeRegex(pattern);
    return t -> {
      Object value = term.value().apply(t);
      return value != null && regex.matcher((String) value).matches();
    };
  }

  /** {@code %} is any run of characters, {@code _} one character; {@code \%}, {@code \_}, {@code \\} are literal. */
  static Pattern likeRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        literal.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        regex.append(Pattern.quote(literal.toString())).append(c == '%' ? ".*" : ".");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  private Predicate<T> inList(Condition.InList in) {
    Term<T> term = terms.term(in.left());
    switch (in.operator()) {
      case INCLUDES, EXCLUDES -> throw SalesforceError.invalidField("invalid operator on field '" + term.label()
          + "': " + in.operator() + " is only valid on multi-select picklist fields");
      default -> {
        // IN and NOT IN below
      }
    }
    List<Object> values = new ArrayList<>();
    in.values().forEach(v -> values.add(literal(term, v, today)));
    boolean negated = in.operator() == Condition.SetOperator.NOT_IN;
    return t -> {
      Object actual = term.value().apply(t);
      boolean found = values.stream().anyMatch(v -> test(term, Condition.Operator.EQ, actual, v));
      return negated ? actual != null && !found : found;
    };
  }

  /**
   * The held value a literal stands for when compared with {@code term}, a {@link DateRange} for a
   * relative date, or the null marker; throws Salesforce's error when the literal has the wrong type.
   */
  static Object literal(Term<?> term, Literal literal, LocalDate today) {
    if (literal instanceof Literal.NullValue) {
      return NULL;
    }
    FieldType type = term.type();
    if (type.isId()) {
      if (!(literal instanceof Literal.StringValue s)) {
        throw wrongType(term, true);
      }
      if (!SalesforceId.isValid(s.value())) {
        throw SalesforceError.of(400, "INVALID_QUERY_FILTER_OPERATOR", "invalid ID field: " + s.value());
      }
      return SalesforceId.of(s.value()).to18();
    }
    if (type.isText()) {
      if (literal instanceof Literal.StringValue s) {
        return s.value();
      }
      throw wrongType(term, true);
    }
    switch (type) {
      case BOOLEAN -> {
        if (literal instanceof Literal.BooleanValue b) {
          return b.value();
        }
      }
      case CURRENCY, DOUBLE, PERCENT, INT -> {
        if (literal instanceof Literal.NumberValue n) {
          return n.value();
        }
        if (literal instanceof Literal.CurrencyValue c && type == FieldType.CURRENCY) {
          if (!c.isoCode().equals("USD")) {
            throw SalesforceError.malformedQuery("Invalid currency code: " + c.isoCode()
                + " (the sample org's only currency is USD)");
          }
          return c.amount();
        }
      }
      case DATE -> {
        if (literal instanceof Literal.DateValue d) {
          return d.value();
        }
        if (literal instanceof Literal.RelativeDate r) {
          return DateRange.of(r, today);
        }
      }
      case DATETIME -> {
        if (literal instanceof Literal.DateTimeValue d) {
          return d.value().toInstant();
        }
        if (literal instanceof Literal.RelativeDate r) {
          return DateRange.of(r, today);
        }
      }
      default -> {
        // anyType, base64 and textarea never reach here: they are not filterable
      }
    }
    throw wrongType(term, false);
  }

  private static SalesforceError wrongType(Term<?> term, boolean quoted) {
    return SalesforceError.invalidField("value of filter criterion for field '" + term.label() + "' must be of type "
        + term.type().filterTypeName() + " and should " + (quoted ? "" : "not ") + "be enclosed in quotes");
  }
}
