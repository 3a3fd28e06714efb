package io.revops.salesforce;

import java.util.Objects;

/**
 * Who the access token belongs to ({@code GET /services/oauth2/userinfo}). Absent values are empty strings.
 *
 * @param preferredUsername the login, e.g. {@code ana@acme.com}
 * @param userId the 18-character User id
 * @param organizationId the 18-character org id
 */
public record UserInfo(String preferredUsername, String email, String userId, String name, String organizationId) {
  public UserInfo {
    Objects.requireNonNull(preferredUsername, "preferredUsername");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(organizationId, "organizationId");
  }
}
