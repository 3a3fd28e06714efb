package io.revops.salesforce.internal;

/**
 * Per-call flag set once a connection is open and the request is about to be written: before that
 * point a failure means the request certainly never reached Salesforce.
 */
public final class SendMarker {
  private volatile boolean maybeSent;

  void markMaybeSent() {
    maybeSent = true;
  }

  public boolean maybeSent() {
    return maybeSent;
  }
}
