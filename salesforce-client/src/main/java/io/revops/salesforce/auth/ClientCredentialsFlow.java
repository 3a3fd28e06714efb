package io.revops.salesforce.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * The OAuth client-credentials flow: the app's consumer key and secret alone yield tokens for the app's
 * configured Run-As user. Salesforce accepts it only at the org's My Domain token endpoint, never at
 * {@code login.salesforce.com} or {@code test.salesforce.com}, and issues no refresh token (a new token is
 * requested after a 401). Request: {@code grant_type=client_credentials&client_id=…&client_secret=…}.
 */
public final class ClientCredentialsFlow extends OAuthFlow {
  private final String clientSecret;

  private ClientCredentialsFlow(HttpUrl myDomainUrl, String clientId, String clientSecret) {
    super(myDomainUrl, clientId);
    this.clientSecret = clientSecret;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  String grantName() {
    return "client-credentials grant";
  }

  @Override
  Map<String, String> form(Instant now) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId());
    form.put("client_secret", clientSecret);
    return form;
  }

  @Override
  List<String> secrets() {
    return List.of(clientSecret);
  }

  @Override
  String advice(String error, String description) {
    if (error.equals("invalid_grant")) {
      return "The app has no Run-As user for the client-credentials flow: in the app's OAuth policies enable"
          + " the Client Credentials Flow and choose the integration user to run as.";
    }
    if (error.equals("invalid_request") && description.contains("domain")) {
      return "The client-credentials flow works only at your My Domain URL, such as https://acme.my.salesforce.com.";
    }
    String common = commonAdvice(error);
    return common.isEmpty() ? "Check the app's OAuth settings: enable the Client Credentials Flow with a Run-As user."
        : common;
  }

  @Override
  public String toString() {
    return "ClientCredentialsFlow[myDomainUrl=" + loginUrl() + ", clientSecret=***]";
  }

  /** Builds a {@link ClientCredentialsFlow}; My Domain URL, client id and secret are required. */
  public static final class Builder {
    private HttpUrl myDomainUrl;
    private String clientId;
    private String clientSecret;

    private Builder() {}

    /** The org's My Domain URL, such as {@code https://acme.my.salesforce.com}. */
    public Builder myDomainUrl(String myDomainUrl) {
      HttpUrl url = parseLoginUrl(myDomainUrl, "myDomainUrl");
      if (isGenericLoginHost(url)) {
        throw new IllegalArgumentException("myDomainUrl '" + myDomainUrl + "' is a shared login host: the"
            + " client-credentials flow works only at your org's My Domain URL, such as https://acme.my.salesforce.com");
      }
      this.myDomainUrl = url;
      return this;
    }

    /** The app's consumer key. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The app's consumer secret. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** Builds the flow; throws {@link IllegalStateException} naming a missing setting. */
    public ClientCredentialsFlow build() {
      if (myDomainUrl == null) {
        throw new IllegalStateException("myDomainUrl is not set: pass your org's My Domain URL, such as"
            + " https://acme.my.salesforce.com");
      }
      String id = requireText(clientId, "clientId", "pass the consumer key of the app");
      String secret = requireText(clientSecret, "clientSecret", "pass the consumer secret of the app");
      return new ClientCredentialsFlow(myDomainUrl, id, secret);
    }
  }
}
