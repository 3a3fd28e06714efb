package io.revops.mcp.tool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Records the HTTP statuses each tool call sees, for the call log. The SDKs share one OkHttp client
 * carrying {@link #interceptor()}. A call's recording is bound to the thread running it and inherited
 * by threads that call starts (the Clari client's batch threads), so concurrent calls never mix. Work
 * that core runs on its own long-lived threads on behalf of several callers (a shared forecast export)
 * has no call of its own: its statuses are recorded for every call in flight. A request that got no
 * answer is recorded as status 0.
 */
public final class HttpActivity {
  private final InheritableThreadLocal<Recording> current = new InheritableThreadLocal<>();
  private final Set<Recording> open = ConcurrentHashMap.newKeySet();

  /** Starts recording for the calling thread; close the recording when the call ends. */
  public Recording start() {
    Recording recording = new Recording();
    open.add(recording);
    current.set(recording);
    return recording;
  }

  /** The interceptor to add to the OkHttp client the SDKs use. */
  public Interceptor interceptor() {
    return chain -> {
      try {
        Response response = chain.proceed(chain.request());
        record(response.code());
        return response;
      } catch (IOException | RuntimeException e) {
        record(0);
        throw e;
      }
    };
  }

  private void record(int status) {
    Recording recording = current.get();
    if (recording != null && recording.add(status)) {
      return;
    }
    open.forEach(call -> call.add(status)); // a shared worker thread, or one that outlived its call
  }

  /** The statuses of one call, in the order the answers arrived. */
  public final class Recording implements AutoCloseable {
    private final List<Integer> statuses = new ArrayList<>();
    private boolean closed;

    private Recording() {
    }

    /** Adds a status unless the call has ended; returns whether it was added. */
    private synchronized boolean add(int status) {
      if (closed) {
        return false;
      }
      statuses.add(status);
      return true;
    }

    /** The statuses seen so far (0 for a request that got no answer). */
    public synchronized List<Integer> statuses() {
      return List.copyOf(statuses);
    }

    /** Stops recording this call. */
    @Override
    public void close() {
      synchronized (this) {
        closed = true;
      }
      open.remove(this);
      if (current.get() == this) {
        current.remove();
      }
    }
  }
}
