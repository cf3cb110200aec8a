package org.veille.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory and gives up, cancelling the stream, as soon as it passes
 * the cap, so that a 50 MB answer costs at most the cap in memory and bandwidth.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
  private final long cap;
  private final long declaredLength;
  private Flow.Subscription subscription;

  CappedBodySubscriber(HttpResponse.ResponseInfo info, long cap) {
    this.cap = cap;
    this.declaredLength = info.headers().firstValueAsLong("Content-Length").orElse(-1);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declaredLength > cap) {
      s.cancel();
      result.completeExceptionally(new BodyTooLargeException(cap));
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      if (out.size() + (long) b.remaining() > cap) {
        subscription.cancel();
        result.completeExceptionally(new BodyTooLargeException(cap));
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      out.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }
}
