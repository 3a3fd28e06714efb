package io.revops.salesforce.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the RS256-signed JWT of Salesforce's JWT bearer flow with the JDK's own crypto. */
public final class JwtAssertion {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = URL.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));

  private JwtAssertion() {}

  /**
   * {@code header.claims.signature} with claims {@code iss}, {@code sub}, {@code aud} and {@code exp}
   * ({@code now + lifetime}, in seconds since the epoch).
   */
  public static String sign(
      String clientId, String username, String audience, Instant now, Duration lifetime, PrivateKey key) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", clientId);
    claims.put("sub", username);
    claims.put("aud", audience);
    claims.put("exp", now.plus(lifetime).getEpochSecond());
    String signingInput = HEADER + "." + URL.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not sign the JWT with the RSA key (" + e.getClass().getSimpleName()
          + "); check that the key file holds a valid RSA private key.", e);
    }
  }
}
