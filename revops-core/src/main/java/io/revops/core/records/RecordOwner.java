package io.revops.core.records;

import java.util.Objects;
import java.util.Optional;

/**
 * The user who owns a record, read together with it.
 *
 * @param name the owner's full name
 * @param email the owner's email, when the API user may see it
 */
public record RecordOwner(String name, Optional<String> email) {

  public RecordOwner {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }
}
