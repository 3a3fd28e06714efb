package io.revops.clari;

import java.util.Objects;
import java.util.Optional;

/**
 * A member of the forecast hierarchy.
 *
 * @param userId Clari user id
 * @param name display name
 * @param email email address
 * @param crmId the CRM (Salesforce) user id
 * @param scopeId the hierarchy scope id
 * @param hierarchyId the hierarchy node id
 * @param hierarchyName the hierarchy node name (role)
 * @param parentHierarchyId the parent node id
 * @param parentHierarchyName the parent node name
 */
public record ForecastUser(String userId, Optional<String> name, Optional<String> email, Optional<String> crmId,
    Optional<String> scopeId, Optional<String> hierarchyId, Optional<String> hierarchyName,
    Optional<String> parentHierarchyId, Optional<String> parentHierarchyName) {
  /** Checks for nulls. */
  public ForecastUser {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(crmId, "crmId");
    Objects.requireNonNull(scopeId, "scopeId");
    Objects.requireNonNull(hierarchyId, "hierarchyId");
    Objects.requireNonNull(hierarchyName, "hierarchyName");
    Objects.requireNonNull(parentHierarchyId, "parentHierarchyId");
    Objects.requireNonNull(parentHierarchyName, "parentHierarchyName");
  }
}
