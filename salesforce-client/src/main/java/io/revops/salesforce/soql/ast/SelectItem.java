package io.revops.salesforce.soql.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One entry of a SELECT list. */
public sealed interface SelectItem
    permits SelectItem.Field, SelectItem.Subquery, SelectItem.TypeOf {

  /**
   * A field path or function call, with its alias if the query gave one:
   * {@code SUM(Amount) total} has the alias {@code total}.
   */
  record Field(Expr expr, Optional<String> alias) implements SelectItem {
    /** Rejects nulls. */
    public Field {
      Objects.requireNonNull(expr, "expr");
      Objects.requireNonNull(alias, "alias");
    }
  }

  /** A parent-to-child relationship subquery: {@code (SELECT LastName FROM Contacts)}. */
  record Subquery(SelectQuery query) implements SelectItem {
    /** Rejects null. */
    public Subquery {
      Objects.requireNonNull(query, "query");
    }
  }

  /** One {@code WHEN type THEN fields} branch of a {@link TypeOf}. */
  record When(String objectType, List<Expr.FieldPath> fields) {
    /** Copies the fields. */
    public When {
      Objects.requireNonNull(objectType, "objectType");
      fields = List.copyOf(fields);
    }
  }

  /**
   * {@code TYPEOF What WHEN Account THEN Phone WHEN Opportunity THEN Amount ELSE Name END}; the ELSE
   * list is empty when the query has none.
   */
  record TypeOf(Expr.FieldPath field, List<When> whens, List<Expr.FieldPath> elseFields)
      implements SelectItem {
    /** Copies the lists. */
    public TypeOf {
      Objects.requireNonNull(field, "field");
      whens = List.copyOf(whens);
      elseFields = List.copyOf(elseFields);
    }
  }
}
