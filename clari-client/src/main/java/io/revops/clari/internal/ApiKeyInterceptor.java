package io.revops.clari.internal;

import io.revops.clari.ClariTokenSource;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one place the token enters a request: adds {@code apikey}; after a 401, asks the source once for a
 * replacement of the rejected token and, when it differs, repeats the request once.
 */
public final class ApiKeyInterceptor implements Interceptor {
  private final ClariTokenSource tokens;

  /** Adds tokens from {@code tokens}. */
  public ApiKeyInterceptor(ClariTokenSource tokens) {
    this.tokens = tokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    String token = tokens.token(false);
    Response response = chain.proceed(withToken(chain.request(), token));
    if (response.code() != 401) {
      return response;
    }
    String fresh;
    try {
      fresh = tokens.refresh(token);
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
    if (fresh == null || fresh.equals(token)) {
      return response;
    }
    response.close();
    return chain.proceed(withToken(chain.request(), fresh));
  }

  private static Request withToken(Request request, String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("The Clari token source returned no token; set the Clari API token"
          + " (Clari: Settings -> API Token).");
    }
    return request.newBuilder().header("apikey", token).build();
  }
}
