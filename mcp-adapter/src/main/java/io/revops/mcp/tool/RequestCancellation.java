package io.revops.mcp.tool;

/**
 * Whether the client cancelled a call ({@code notifications/cancelled}). Listeners registered with
 * {@link #onCancel} run once, on the thread that delivers the cancellation (or at once when the
 * call is already cancelled), and must return quickly.
 */
public interface RequestCancellation {
  /** A call that cannot be cancelled. */
  RequestCancellation NEVER = new RequestCancellation() {
    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public void onCancel(Runnable listener) {
    }
  };

  /** Whether the client cancelled the call. */
  boolean isCancelled();

  /** Runs {@code listener} when the call is cancelled. */
  void onCancel(Runnable listener);
}
