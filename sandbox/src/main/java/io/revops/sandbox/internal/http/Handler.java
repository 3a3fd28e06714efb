package io.revops.sandbox.internal.http;

/** Answers the requests of one emulated service. */
@FunctionalInterface
public interface Handler {
  Response handle(Request request);
}
