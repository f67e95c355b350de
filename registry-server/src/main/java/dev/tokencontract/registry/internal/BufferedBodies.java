package dev.tokencontract.registry.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads every request body into memory <em>before</em> a worker thread runs the route, without holding a
 * thread while the bytes arrive: Jetty calls back as content comes (non-blocking demand), so a client that
 * trickles its body costs a connection and the bytes it sent so far, never a worker. Javalin's routes read
 * blocking, so without this 250 slow clients would hold Jetty's 250 workers and every GET would wait.
 *
 * <p>The body must be complete within the deadline, and after its first second arrive at no less than the
 * minimum rate on average (checked once a second, so a stalled client ends early). When it does not, or
 * the client fails, the route still runs and reading its body fails with {@link BodyTimeout} or the
 * client's error: routes answer 408 {@code body-timeout} and audit the attempt like any other. (Jetty's own
 * minimum data rate applies only to blocking servlet reads, which this handler replaces.) A body declared larger than {@code cap} is not read at all (the route
 * answers 413 from {@code Content-Length}); a streamed one is read only to {@code cap + 1} bytes.
 */
final class BufferedBodies extends Handler.Wrapper {
    /** Bodies still arriving hold more bytes than the registry keeps at once. */
    static final class TooManyBodies extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        TooManyBodies(long limit) {
            super("request bodies still arriving hold more than " + limit + " bytes");
        }
    }

    /** The body did not arrive within the deadline. */
    static final class BodyTimeout extends TimeoutException {
        private static final long serialVersionUID = 1L;

        BodyTimeout(String message) {
            super(message);
        }
    }

    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int cap;
    private final Duration deadline;
    private final long minBytesPerSecond;
    private final long maxPendingBytes;
    /** Bytes held by bodies still arriving, across every connection. */
    private final AtomicLong pending = new AtomicLong();

    /**
     * @param minBytesPerSecond 0: no minimum rate, only the deadline
     * @param maxPendingBytes   bytes all unfinished bodies may hold together; one more byte fails that body
     *                          (the route answers 429): many clients sending large bodies and stalling
     *                          cannot fill the heap
     */
    BufferedBodies(int cap, Duration deadline, long minBytesPerSecond, long maxPendingBytes) {
        this.cap = cap;
        this.deadline = deadline;
        this.minBytesPerSecond = minBytesPerSecond;
        this.maxPendingBytes = maxPendingBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if ((declared <= 0 && !chunked) || declared > cap) {
            return super.handle(request, response, callback);
        }
        new Reading(request, response, callback).start();
        return true;
    }

    /** One body being read; every method runs under its lock (demand callbacks and the deadline race). */
    private final class Reading {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Runnable onContent = Invocable.from(Invocable.InvocationType.NON_BLOCKING, this::read);
        private final long started = System.nanoTime();
        private Scheduler.Task timer;
        private boolean done;

        Reading(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        synchronized void start() {
            schedule();
            read();
        }

        private void schedule() {
            long left = deadline.toNanos() - (System.nanoTime() - started);
            timer = request.getComponents()
                    .getScheduler()
                    .schedule(this::check, Math.max(0, Math.min(left, CHECK_NANOS)), TimeUnit.NANOSECONDS);
        }

        private synchronized void read() {
            while (!done) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(onContent);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    finish(Content.Chunk.from(chunk.getFailure(), true));
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                int take = Math.min(buffer.remaining(), cap + 1 - bytes.size());
                if (pending.addAndGet(take) > maxPendingBytes) {
                    pending.addAndGet(-take);
                    chunk.release();
                    finish(Content.Chunk.from(new TooManyBodies(maxPendingBytes), true));
                    return;
                }
                byte[] part = new byte[take];
                buffer.get(part);
                bytes.write(part, 0, take);
                boolean last = chunk.isLast();
                chunk.release();
                if (last || bytes.size() > cap) {
                    finish(Content.Chunk.from(ByteBuffer.wrap(bytes.toByteArray()), true));
                    return;
                }
            }
        }

        /** Once a second until the body is complete: the deadline, then the average rate so far. */
        private synchronized void check() {
            if (done) {
                return;
            }
            long elapsed = System.nanoTime() - started;
            if (elapsed >= deadline.toNanos()) {
                finish(Content.Chunk.from(
                        new BodyTimeout("the request body did not arrive within " + deadline.toMillis() + " ms"),
                        true));
            } else if (minBytesPerSecond > 0
                    && elapsed >= CHECK_NANOS
                    && bytes.size() * 1_000_000_000.0 / elapsed < minBytesPerSecond) {
                finish(Content.Chunk.from(
                        new BodyTimeout("the request body arrived slower than " + minBytesPerSecond + " bytes/s"),
                        true));
            } else {
                schedule();
            }
        }

        /** Hands the request, its body now in memory (or its failure), to the routes on a worker thread. */
        private void finish(Content.Chunk body) {
            done = true;
            pending.addAndGet(-bytes.size()); // from here the route holds the bytes, for as long as it runs
            if (timer != null) {
                timer.cancel();
            }
            Request buffered = new Buffered(request, body);
            request.getContext().execute(() -> {
                try {
                    if (!BufferedBodies.super.handle(buffered, response, callback)) {
                        Response.writeError(buffered, response, callback, 404);
                    }
                } catch (Throwable failure) {
                    Response.writeError(buffered, response, callback, failure);
                }
            });
        }
    }

    /** The request with its body replaced by one chunk already in memory (or a failure chunk). */
    private static final class Buffered extends Request.Wrapper {
        private Content.Chunk next;

        Buffered(Request request, Content.Chunk body) {
            super(request);
            this.next = body;
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk chunk = next;
            if (!Content.Chunk.isFailure(chunk)) {
                next = Content.Chunk.EOF;
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // content is always available
        }

        @Override
        public boolean consumeAvailable() {
            synchronized (this) {
                if (!Content.Chunk.isFailure(next)) {
                    next = Content.Chunk.EOF;
                }
            }
            return true;
        }

        @Override
        public void fail(Throwable failure) {
            synchronized (this) {
                next = Content.Chunk.from(failure, true);
            }
        }
    }
}
