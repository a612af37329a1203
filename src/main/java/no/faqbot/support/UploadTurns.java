package no.faqbot.support;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Turns for support requests with screenshots. Reading 25 MB of upload and writing it out again as
 * base64 keeps a core busy for a second or more on a fast line, so only a few such requests run at
 * once and the rest wait for their turn, up to a limit, then get a 503: however many arrive
 * together, chat keeps its share of the CPU. A slow client holds its turn while its body arrives;
 * the wait limit keeps that from blocking others for long without an answer.
 */
final class UploadTurns {
  /** Requests larger than this carry screenshots; smaller ones go ahead at once. */
  static final long LARGE_BYTES = 512 * 1024;

  private final Semaphore turns;
  private final long waitMillis;

  UploadTurns(int atOnce, long waitMillis) {
    this.turns = new Semaphore(atOnce, true);
    this.waitMillis = waitMillis;
  }

  /** {@code contentLength} is -1 when the client did not say (chunked): counted as large. */
  static boolean isLarge(long contentLength) {
    return contentLength < 0 || contentLength > LARGE_BYTES;
  }

  /** Waits for a turn; false when none came in time. */
  boolean enter() throws InterruptedException {
    return turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
  }

  void leave() {
    turns.release();
  }

  long waitSeconds() {
    return TimeUnit.MILLISECONDS.toSeconds(waitMillis);
  }
}
