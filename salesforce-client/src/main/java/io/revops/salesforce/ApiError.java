package io.revops.salesforce;

import java.util.List;
import java.util.Objects;

/**
 * One entry of Salesforce's error array {@code [{"message","errorCode","fields"}]}.
 *
 * @param message Salesforce's human-readable message
 * @param errorCode e.g. {@code INVALID_FIELD}; empty when Salesforce gave none
 * @param fields the fields the error concerns (DML errors), possibly empty
 */
public record ApiError(String message, String errorCode, List<String> fields) {
  public ApiError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(errorCode, "errorCode");
    fields = List.copyOf(fields);
  }
}
