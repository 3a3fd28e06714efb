package io.revops.salesforce.internal;

import io.revops.salesforce.AccessToken;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceTransportException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Holds the current access token of a provider and fetches a new one at most once at a time: callers that
 * ask while a fetch is running wait for it and share its result, whether a token or a failure. So 50 calls
 * that hit 401 together cause one token request, and a failing token endpoint is asked once per burst, not
 * once per caller. A failure clears the token, so the next call asks again instead of reusing a dead one.
 */
public final class TokenCache {
  private final Supplier<AccessToken> fetch;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile AccessToken current;
  private volatile long fetchesFinished;
  private SalesforceApiException lastFailure; // guarded by lock

  /** {@code fetch} obtains a new token and reports failures as {@link SalesforceApiException}s. */
  public TokenCache(Supplier<AccessToken> fetch) {
    this(fetch, null);
  }

  /** Starts with {@code initial} (e.g. a configured access token), fetching only once it is rejected. */
  public TokenCache(Supplier<AccessToken> fetch, AccessToken initial) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.current = initial;
  }

  /** The cached token, fetching one when there is none. */
  public AccessToken current() {
    AccessToken token = current;
    if (token != null) {
      return token;
    }
    long seen = fetchesFinished;
    lock.lock();
    try {
      token = current;
      return token != null ? token : fetchOrShare(seen);
    } finally {
      lock.unlock();
    }
  }

  /** A token other than {@code rejected}: the one another caller already fetched, or a new one. */
  public AccessToken refresh(AccessToken rejected) {
    long seen = fetchesFinished;
    lock.lock();
    try {
      AccessToken token = current;
      return token != null && !token.equals(rejected) ? token : fetchOrShare(seen);
    } finally {
      lock.unlock();
    }
  }

  private AccessToken fetchOrShare(long seen) {
    if (fetchesFinished != seen && lastFailure != null) {
      throw copyOf(lastFailure); // a fetch failed while this caller waited for it
    }
    try {
      AccessToken token = Objects.requireNonNull(fetch.get(), "fetched token");
      current = token;
      lastFailure = null;
      return token;
    } catch (SalesforceApiException e) {
      current = null;
      lastFailure = e;
      throw e;
    } finally {
      fetchesFinished++;
    }
  }

  /** A fresh exception per waiting thread (exceptions are mutable), with the original as its cause. */
  private static SalesforceApiException copyOf(SalesforceApiException e) {
    if (e instanceof SalesforceTransportException t) {
      return new SalesforceTransportException(t.outcomeUnknown(), t.getMessage(), t);
    }
    return new SalesforceApiException(e.kind(), e.getMessage(), e.httpStatus(), e.errorCode(), e.errors(),
        e.apiUsage(), e);
  }
}
