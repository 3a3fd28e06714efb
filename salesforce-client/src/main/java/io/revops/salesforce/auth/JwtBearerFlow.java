package io.revops.salesforce.auth;

import io.revops.salesforce.internal.JwtAssertion;
import io.revops.salesforce.internal.RsaPem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The OAuth 2.0 JWT bearer flow for unattended servers: each token request carries a fresh JWT
 * ({@code iss} = client id, {@code sub} = username, {@code aud} = the authorization server, {@code exp} =
 * three minutes ahead) signed RS256 with the private key whose certificate is uploaded to the app. No secret
 * and no refresh token: a new assertion is simply signed after a 401. The user must be pre-authorized for
 * the app. Request: {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<JWT>}.
 *
 * <p>The audience defaults from the login URL: {@code https://test.salesforce.com} for
 * {@code test.salesforce.com} and {@code *.sandbox.my.salesforce.com}, the site URL for Experience Cloud
 * sites ({@code *.my.site.com}, {@code *.force.com}), otherwise {@code https://login.salesforce.com}.
 */
public final class JwtBearerFlow extends OAuthFlow {
  /** How long each assertion is valid; Salesforce wants a short expiry. */
  public static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(3);
  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final long MAX_KEY_FILE_BYTES = 64 * 1024;

  private final String username;
  private final String audience;
  private final RSAPrivateKey privateKey;

  private JwtBearerFlow(HttpUrl loginUrl, String clientId, String username, String audience, RSAPrivateKey key) {
    super(loginUrl, clientId);
    this.username = username;
    this.audience = audience;
    this.privateKey = key;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The Salesforce username the tokens are issued for. */
  public String username() {
    return username;
  }

  /** The {@code aud} claim. */
  public String audience() {
    return audience;
  }

  /**
   * Reads an RSA private key from a PEM file (PKCS#8, or PKCS#1 as older openssl writes). Throws
   * {@link IllegalArgumentException} saying what is wrong with the file; never shows key material.
   */
  public static RSAPrivateKey readPrivateKey(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      if (Files.size(file) > MAX_KEY_FILE_BYTES) {
        throw new IllegalArgumentException(file + " is larger than 64 KiB; it is not a PEM private key file.");
      }
      return RsaPem.parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + " does not exist: pass the path of the PEM private key whose"
          + " certificate is uploaded to the app.");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read (" + e.getClass().getSimpleName() + "): check"
          + " that this service's user may read it.");
    }
  }

  /** The audience Salesforce expects for {@code loginUrl}, as described in the class comment. */
  static String defaultAudience(HttpUrl loginUrl) {
    String host = loginUrl.host().toLowerCase(Locale.ROOT);
    if (host.equals("test.salesforce.com") || host.endsWith(".sandbox.my.salesforce.com")) {
      return SANDBOX_LOGIN_URL;
    }
    if (host.endsWith(".my.site.com") || host.endsWith(".force.com")) {
      String site = loginUrl.toString();
      return site.endsWith("/") ? site.substring(0, site.length() - 1) : site;
    }
    return PRODUCTION_LOGIN_URL;
  }

  @Override
  String grantName() {
    return "JWT bearer grant";
  }

  @Override
  Map<String, String> form(Instant now) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", GRANT_TYPE);
    form.put("assertion", JwtAssertion.sign(clientId(), username, audience, now, ASSERTION_LIFETIME, privateKey));
    return form;
  }

  @Override
  List<String> secrets() {
    return List.of(); // the assertion is signed per request; messages never include the form
  }

  @Override
  String advice(String error, String description) {
    String d = description.toLowerCase(Locale.ROOT);
    if (error.equals("invalid_grant")) {
      if (d.contains("approved") || d.contains("authorized")) {
        return "The user " + username + " is not pre-authorized for the app: in the app's OAuth policies set"
            + " Permitted Users to \"Admin approved users are pre-authorized\" and give the user's profile or a"
            + " permission set access to the app.";
      }
      if (d.contains("audience")) {
        return "The JWT audience " + audience + " does not fit this org: use the login URL "
            + PRODUCTION_LOGIN_URL + " for production and " + SANDBOX_LOGIN_URL + " for sandboxes (SFDC_LOGIN_URL).";
      }
      if (d.contains("expired")) {
        return "Salesforce considers the assertion expired: check this machine's clock (each assertion is valid"
            + " for " + ASSERTION_LIFETIME.toMinutes() + " minutes).";
      }
      if (d.contains("user")) {
        return "Salesforce does not know the user " + username + " in this org: check SFDC_USERNAME and whether"
            + " the login URL points at production or a sandbox.";
      }
      return "Check that the certificate uploaded to the app matches the private key (SFDC_JWT_KEY_FILE), that"
          + " the user " + username + " is pre-authorized, and that the login URL matches the org (production or"
          + " sandbox).";
    }
    String common = commonAdvice(error);
    return common.isEmpty() ? "Check the app's OAuth settings (digital signatures enabled, certificate uploaded)."
        : common;
  }

  @Override
  public String toString() {
    return "JwtBearerFlow[loginUrl=" + loginUrl() + ", username=" + username + ", audience=" + audience
        + ", privateKey=***]";
  }

  /** Builds a {@link JwtBearerFlow}; client id, username and private key are required. */
  public static final class Builder {
    private HttpUrl loginUrl = HttpUrl.get(PRODUCTION_LOGIN_URL);
    private String clientId;
    private String username;
    private String audience;
    private RSAPrivateKey privateKey;

    private Builder() {}

    /** Default {@value OAuthFlow#PRODUCTION_LOGIN_URL}; also decides the default audience. */
    public Builder loginUrl(String loginUrl) {
      this.loginUrl = parseLoginUrl(loginUrl, "loginUrl");
      return this;
    }

    /** The app's consumer key, sent as {@code iss}. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The Salesforce username, sent as {@code sub}. */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /** Overrides the {@code aud} claim derived from the login URL. */
    public Builder audience(String audience) {
      this.audience = parseLoginUrl(audience, "audience").toString().replaceAll("/$", "");
      return this;
    }

    /** The RSA private key that signs assertions. */
    public Builder privateKey(PrivateKey privateKey) {
      if (!(Objects.requireNonNull(privateKey, "privateKey") instanceof RSAPrivateKey rsa)) {
        throw new IllegalArgumentException("privateKey is a " + privateKey.getAlgorithm() + " key, but the JWT"
            + " bearer flow needs an RSA key (RS256)");
      }
      this.privateKey = rsa;
      return this;
    }

    /** Reads the RSA private key from a PEM file; see {@link JwtBearerFlow#readPrivateKey(Path)}. */
    public Builder privateKeyFile(Path file) {
      this.privateKey = readPrivateKey(file);
      return this;
    }

    /** Builds the flow; throws {@link IllegalStateException} naming a missing setting. */
    public JwtBearerFlow build() {
      String id = requireText(clientId, "clientId", "pass the consumer key of the app");
      String user = requireText(username, "username", "pass the Salesforce username tokens are issued for");
      if (privateKey == null) {
        throw new IllegalStateException("privateKey is not set: call privateKeyFile(path) with the PEM key whose"
            + " certificate is uploaded to the app");
      }
      return new JwtBearerFlow(loginUrl, id, user, audience != null ? audience : defaultAudience(loginUrl), privateKey);
    }
  }
}
