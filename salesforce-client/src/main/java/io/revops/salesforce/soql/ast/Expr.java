package io.revops.salesforce.soql.ast;

import java.util.List;
import java.util.Objects;

/**
 * Something that yields a value per row: a field path, a function call, or (as a function argument) a
 * literal.
 */
public sealed interface Expr permits Expr.FieldPath, Expr.FunctionCall, Literal {

  /**
   * A field reference, possibly through parent relationships: {@code Account.Owner.Name} has the
   * segments {@code [Account, Owner, Name]}. Spelling is kept as written.
   */
  record FieldPath(List<String> segments) implements Expr {
    /** Copies the segments; a path has at least one. */
    public FieldPath {
      segments = List.copyOf(segments);
      if (segments.isEmpty()) {
        throw new IllegalArgumentException("a field path has at least one segment");
      }
    }

    /** Convenience factory: {@code FieldPath.of("Account", "Name")}. */
    public static FieldPath of(String... segments) {
      return new FieldPath(List.of(segments));
    }

    /** The last segment, the field itself. */
    public String field() {
      return segments.get(segments.size() - 1);
    }

    /** The path joined with dots, as written. */
    public String dotted() {
      return String.join(".", segments);
    }
  }

  /**
   * A function call such as {@code COUNT()}, {@code SUM(Amount)}, {@code toLabel(StageName)},
   * {@code CALENDAR_YEAR(CloseDate)}, {@code FIELDS(ALL)} or
   * {@code DISTANCE(Location__c, GEOLOCATION(37.7, -122.4), 'mi')}. The name is upper-cased;
   * {@code COUNT()} has no arguments. A bare keyword argument such as {@code ALL} in
   * {@code FIELDS(ALL)} is a one-segment {@link FieldPath}.
   */
  record FunctionCall(String name, List<Expr> args) implements Expr {
    /** Copies the arguments. */
    public FunctionCall {
      Objects.requireNonNull(name, "name");
      args = List.copyOf(args);
    }

    /** Whether this is one of the aggregate functions COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX. */
    public boolean isAggregate() {
      return switch (name) {
        case "COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX" -> true;
        default -> false;
      };
    }

    /** Whether this call or any call nested in its arguments is an aggregate. */
    public boolean containsAggregate() {
      return isAggregate()
          || args.stream().anyMatch(a -> a instanceof FunctionCall f && f.containsAggregate());
    }
  }
}
