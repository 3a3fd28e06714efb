package io.revops.salesforce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.revops.salesforce.AccessToken;
import io.revops.salesforce.SalesforceApiException;
import io.revops.salesforce.SalesforceApiException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  static final AccessToken OLD = AccessToken.of("old");

  @Test
  void callersWaitingOnAFailingFetchShareItsFailureInsteadOfEachAskingAgain() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    TokenCache cache = new TokenCache(() -> {
      fetches.incrementAndGet();
      await(release);
      throw new SalesforceApiException(Kind.AUTHENTICATION_FAILED, "refused: invalid_grant", 400, "invalid_grant",
          List.of(), Optional.empty(), null);
    }, OLD);

    List<Thread> waiters = new ArrayList<>();
    List<CompletableFuture<SalesforceApiException>> failures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      CompletableFuture<SalesforceApiException> failure = new CompletableFuture<>();
      failures.add(failure);
      Thread t = new Thread(() -> failure.complete(
          catchThrowableOfType(SalesforceApiException.class, () -> cache.refresh(OLD))));
      waiters.add(t);
      t.start();
      if (i == 0) {
        while (fetches.get() == 0) {
          Thread.onSpinWait(); // the first caller is fetching
        }
      }
    }
    for (Thread t : waiters.subList(1, waiters.size())) {
      while (t.getState() != Thread.State.WAITING) {
        Thread.onSpinWait(); // every other caller waits for the running fetch
      }
    }
    release.countDown();

    for (CompletableFuture<SalesforceApiException> failure : failures) {
      SalesforceApiException e = failure.get(10, TimeUnit.SECONDS);
      assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
      assertThat(e.getMessage()).isEqualTo("refused: invalid_grant");
    }
    assertThat(fetches.get()).isEqualTo(1);
  }

  @Test
  void afterAFailureTheNextCallerAsksAgainAndARecoveryIsKept() {
    AtomicInteger fetches = new AtomicInteger();
    TokenCache cache = new TokenCache(() -> {
      if (fetches.incrementAndGet() == 1) {
        throw new SalesforceApiException(Kind.SERVER_ERROR, "down", 503, "", List.of(), Optional.empty(), null);
      }
      return AccessToken.of("fresh");
    }, OLD);

    catchThrowableOfType(SalesforceApiException.class, () -> cache.refresh(OLD));
    assertThat(cache.current().value()).isEqualTo("fresh");
    assertThat(cache.refresh(OLD).value()).as("OLD was already replaced").isEqualTo("fresh");
    assertThat(fetches.get()).isEqualTo(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
