package io.revops.mcp.tool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Records the HTTP statuses each tool call sees, for the call log. The SDKs share one OkHttp client
 * carrying {@link #interceptor()}; a call's recording is bound to the thread running it and is
 * inherited by threads it starts (the Clari client's batch threads), so concurrent calls never mix.
 * A request that got no answer is recorded as status 0.
 */
public final class HttpActivity {
  private final InheritableThreadLocal<Recording> current = new InheritableThreadLocal<>();

  /** Starts recording for the calling thread; close the recording when the call ends. */
  public Recording start() {
    Recording recording = new Recording();
    current.set(recording);
    return recording;
  }

  /** The interceptor to add to the OkHttp client the SDKs use. */
  public Interceptor interceptor() {
    return chain -> {
      Recording recording = current.get();
      try {
        Response response = chain.proceed(chain.request());
        if (recording != null) {
          recording.add(response.code());
        }
        return response;
      } catch (IOException | RuntimeException e) {
        if (recording != null) {
          recording.add(0);
        }
        throw e;
      }
    };
  }

  /** The statuses of one call, in the order the answers arrived. */
  public final class Recording implements AutoCloseable {
    private final List<Integer> statuses = new ArrayList<>();

    private Recording() {
    }

    private synchronized void add(int status) {
      statuses.add(status);
    }

    /** The statuses seen so far (0 for a request that got no answer). */
    public synchronized List<Integer> statuses() {
      return List.copyOf(statuses);
    }

    /** Stops recording on this thread. */
    @Override
    public void close() {
      if (current.get() == this) {
        current.remove();
      }
    }
  }
}
