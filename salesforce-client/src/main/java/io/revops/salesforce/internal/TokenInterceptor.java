package io.revops.salesforce.internal;

import io.revops.salesforce.AccessToken;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one place that puts the access token on a request (taken from the request's {@link AccessToken}
 * tag), after checking that the URL may carry it. As a network interceptor it also sees every retry and
 * redirect, and records in the request's {@link SendMarker} that bytes may have left for the server.
 */
public final class TokenInterceptor implements Interceptor {

  /** Thrown before anything is sent when the URL would expose the token. */
  public static final class InsecureTransportException extends IOException {
    private static final long serialVersionUID = 1L;

    InsecureTransportException(String message) {
      super(message);
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    AccessToken token = request.tag(AccessToken.class);
    if (token != null) {
      if (!Loopback.maySendToken(request.url())) {
        throw new InsecureTransportException(Loopback.refusal(request.url()));
      }
      request = request.newBuilder().header("Authorization", "Bearer " + token.value()).build();
    }
    SendMarker marker = request.tag(SendMarker.class);
    if (marker != null) {
      marker.markMaybeSent();
    }
    return chain.proceed(request);
  }
}
