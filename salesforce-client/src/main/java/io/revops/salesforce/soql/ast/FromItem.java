package io.revops.salesforce.soql.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a FROM clause: the queried object ({@code Account}), or in a child subquery the
 * relationship name ({@code Contacts}), or a relationship path from an earlier alias
 * ({@code c.Account}); with its alias if given.
 */
public record FromItem(Expr.FieldPath path, Optional<String> alias) {
  /** Rejects nulls. */
  public FromItem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(alias, "alias");
  }
}
