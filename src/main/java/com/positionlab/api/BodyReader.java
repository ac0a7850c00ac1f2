package com.positionlab.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without holding a thread while the client is slow: it takes what has arrived,
 * asks Jetty to call back when more does, and gives up at a deadline.
 *
 * <p>The future completes with the bytes (at most {@code maxBytes}), or fails with {@link ApiError} 413
 * (over {@code maxBytes}; an oversized body is read and thrown away up to {@code drainBytes} so a client
 * still sending can read the answer), 408 (the deadline passed first), or the failure Jetty reported
 * (a broken chunked body is Jetty's {@code HttpException} 400; a client that went away is an I/O error).
 */
final class BodyReader implements Runnable {

    private final Request request;
    private final int maxBytes;
    private final long drainBytes;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long seen;

    private BodyReader(Request request, int maxBytes, long drainBytes) {
        this.request = request;
        this.maxBytes = maxBytes;
        this.drainBytes = drainBytes;
    }

    /**
     * Starts reading {@code request}'s body; the deadline is {@code deadlineNanos} on {@link System#nanoTime()}.
     *
     * @param deadlineMillis the configured read deadline, named in the 408 message
     */
    static CompletableFuture<byte[]> read(Request request, int maxBytes, long drainBytes, long deadlineNanos,
                                         long deadlineMillis, ScheduledExecutorService timer) {
        BodyReader reader = new BodyReader(request, maxBytes, drainBytes);
        long declared = request.getLength();
        if (declared > drainBytes) {
            reader.result.completeExceptionally(ApiError.payloadTooLarge(maxBytes));
            return reader.result;
        }
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        ScheduledFuture<?> timeout = timer.schedule(
                () -> reader.result.completeExceptionally(ApiError.requestTimeout(deadlineMillis)),
                delay, TimeUnit.NANOSECONDS);
        reader.result.whenComplete((bytes, failure) -> timeout.cancel(false));
        reader.run();
        return reader.result;
    }

    /** Reads every chunk available now; asks to be called again when more arrives. */
    @Override
    public void run() {
        while (!result.isDone()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                result.completeExceptionally(chunk.getFailure());
                return;
            }
            boolean last = chunk.isLast();
            take(chunk.getByteBuffer());
            chunk.release();
            if (seen > drainBytes) {
                result.completeExceptionally(ApiError.payloadTooLarge(maxBytes));
            } else if (last) {
                finish();
            }
        }
    }

    private void take(ByteBuffer buffer) {
        int n = buffer.remaining();
        seen += n;
        if (seen <= maxBytes) {
            byte[] bytes = new byte[n];
            buffer.get(bytes);
            kept.write(bytes, 0, n);
        } else {
            buffer.position(buffer.limit());
        }
    }

    private void finish() {
        if (seen > maxBytes) {
            result.completeExceptionally(ApiError.payloadTooLarge(maxBytes));
        } else {
            result.complete(kept.toByteArray());
        }
    }
}
