package io.revops.clari.internal;

import okhttp3.Interceptor;

/**
 * Per-attempt flag set by a network interceptor once a connection is open and the request is about to be
 * written: a failure before that point means the request certainly never reached Clari, so even a POST may
 * be repeated.
 */
final class SendMarker {
  /** Marks the request's {@link SendMarker} tag, if any, then sends it. */
  static final Interceptor INTERCEPTOR = chain -> {
    SendMarker marker = chain.request().tag(SendMarker.class);
    if (marker != null) {
      marker.maybeSent = true;
    }
    return chain.proceed(chain.request());
  };

  private volatile boolean maybeSent;

  boolean maybeSent() {
    return maybeSent;
  }
}
