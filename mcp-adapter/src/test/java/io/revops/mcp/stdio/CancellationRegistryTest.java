package io.revops.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import io.revops.mcp.tool.RequestCancellation;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationRegistryTest {
  private final CancellationRegistry registry = new CancellationRegistry();

  @Test
  void listenerRegisteredAfterCancellationRunsAtOnce() {
    registry.register("1");
    registry.cancel("1");
    AtomicInteger runs = new AtomicInteger();
    registry.lookup("1").onCancel(runs::incrementAndGet);
    assertThat(runs).hasValue(1);
  }

  @Test
  void cancellingTwiceRunsListenersOnce() {
    registry.register("1");
    AtomicInteger runs = new AtomicInteger();
    registry.lookup("1").onCancel(runs::incrementAndGet);
    registry.cancel("1");
    registry.cancel("1");
    assertThat(runs).hasValue(1);
  }

  @Test
  void releasedAndUnknownCallsAreNeverCancelled() {
    registry.register("1");
    registry.release("1");
    registry.cancel("1");
    assertThat(registry.lookup("1")).isSameAs(RequestCancellation.NEVER);
    assertThat(registry.lookup(null)).isSameAs(RequestCancellation.NEVER);
  }

  @Test
  void forgetsTheOldestCallsBeyondTheBound() {
    for (int i = 0; i <= CancellationRegistry.MAX_IN_FLIGHT; i++) {
      registry.register(Integer.toString(i));
    }
    assertThat(registry.size()).isEqualTo(CancellationRegistry.MAX_IN_FLIGHT);
    assertThat(registry.lookup("0")).isSameAs(RequestCancellation.NEVER);
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    registry.register("1");
    AtomicInteger runs = new AtomicInteger();
    registry.lookup("1").onCancel(() -> {
      throw new IllegalStateException("boom");
    });
    registry.lookup("1").onCancel(runs::incrementAndGet);
    registry.cancel("1");
    assertThat(runs).hasValue(1);
  }
}
