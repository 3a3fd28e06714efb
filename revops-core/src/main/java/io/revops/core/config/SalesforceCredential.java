package io.revops.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How revops-mcp obtains Salesforce access tokens, chosen from which variables are set (see
 * {@link RevOpsConfig#fromEnvironment}). Exactly one shape applies; incomplete or ambiguous combinations
 * fail at start with a {@link ConfigurationException}. The username-password flow is not supported
 * (Salesforce blocks it by default in new orgs and is retiring it). Secrets render as {@code ***}.
 */
public sealed interface SalesforceCredential {

  /** What a person reads in logs and errors, e.g. "JWT bearer flow". */
  String method();

  /** {@code SFDC_ACCESS_TOKEN} alone: used as is, fails with advice when it expires. */
  record StaticToken(Secret accessToken) implements SalesforceCredential {
    public StaticToken {
      Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String method() {
      return "static access token";
    }
  }

  /**
   * {@code SFDC_REFRESH_TOKEN} with {@code SFDC_CLIENT_ID} (and {@code SFDC_CLIENT_SECRET} when the app
   * requires it): the OAuth refresh-token flow against {@code loginUrl}. An {@code SFDC_ACCESS_TOKEN} set
   * alongside is used until it is rejected.
   */
  record RefreshToken(URI loginUrl, String clientId, Optional<Secret> clientSecret, Secret refreshToken,
      Optional<Secret> initialAccessToken) implements SalesforceCredential {
    public RefreshToken {
      Objects.requireNonNull(loginUrl, "loginUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(refreshToken, "refreshToken");
      Objects.requireNonNull(initialAccessToken, "initialAccessToken");
    }

    @Override
    public String method() {
      return "OAuth refresh-token flow";
    }
  }

  /**
   * {@code SFDC_JWT_KEY_FILE} with {@code SFDC_CLIENT_ID} and {@code SFDC_USERNAME}: the OAuth JWT bearer
   * flow, audience derived from {@code loginUrl}. The key file was read and checked at start.
   */
  record JwtBearer(URI loginUrl, String clientId, String username, Path keyFile) implements SalesforceCredential {
    public JwtBearer {
      Objects.requireNonNull(loginUrl, "loginUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(keyFile, "keyFile");
    }

    @Override
    public String method() {
      return "OAuth JWT bearer flow";
    }
  }

  /**
   * {@code SFDC_CLIENT_ID} with {@code SFDC_CLIENT_SECRET} and nothing else: the OAuth client-credentials
   * flow against the org's My Domain ({@code SFDC_LOGIN_URL} when it names one, else {@code SFDC_INSTANCE_URL}).
   */
  record ClientCredentials(URI myDomainUrl, String clientId, Secret clientSecret) implements SalesforceCredential {
    public ClientCredentials {
      Objects.requireNonNull(myDomainUrl, "myDomainUrl");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String method() {
      return "OAuth client-credentials flow";
    }
  }

  /**
   * {@code SFDC_ACCESS_TOKEN_COMMAND}: a command printing the token (or {@code sf org display --json}),
   * run at first use and after a 401. The command line is treated as a secret: it may embed one.
   */
  record Command(Secret command) implements SalesforceCredential {
    public Command {
      Objects.requireNonNull(command, "command");
    }

    @Override
    public String method() {
      return "access token command (SFDC_ACCESS_TOKEN_COMMAND)";
    }
  }
}
