import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slow-body load against a running registry (loopback only): while {@code slow} anonymous connections
 * trickle request bodies to the compatibility dry run, one byte per connection every {@code pauseMs}
 * (reconnecting whenever the server answers or closes one, so the count stays up), {@code getters}
 * threads send GETs back to back and record each latency. Prints one Markdown table row.
 *
 * <pre>java SlowBodiesLoad.java PORT LABEL SLOW GETTERS SECONDS PAUSE_MS</pre>
 *
 * A GET that takes over 5 s counts as failed (and its 5 s is recorded). Bounded: it stops by itself after
 * SECONDS, and closes every socket it opened.
 */
public final class SlowBodiesLoad {
    private static final String DRY_RUN = "/contracts/hostile.crm/compatibility";
    private static final String[] GETS = {"/contracts/hostile.crm/versions/1.0.0", "/health/live", "/contracts/hostile.crm/versions/latest"};

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String label = args[1];
        int slow = Integer.parseInt(args[2]);
        int getters = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        long pauseMs = Long.parseLong(args[5]);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Trickle trickle = new Trickle(port, slow, pauseMs, deadline);
        Thread trickler = new Thread(trickle, "trickle");
        trickler.start();
        Thread.sleep(2_000); // the slow connections are in before measuring
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong failed = new AtomicLong();
        for (int i = 0; i < getters; i++) {
            long[] latencies = new long[2_000_000];
            perThread.add(latencies);
            int index = i;
            Thread t = new Thread(() -> get(port, deadline, latencies, failed, index), "get-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        trickler.join();
        long[] all = perThread.stream().flatMapToLong(a -> Arrays.stream(a).filter(v -> v > 0)).sorted().toArray();
        System.out.printf("| %s | %d | %d | %,d | %.2f | %.2f | %.2f | %.2f | %d | %,d | %,d |%n", label, slow, getters, all.length,
                ms(all, 0.50), ms(all, 0.90), ms(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, failed.get(),
                trickle.opened.get(), trickle.answered.get());
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void get(int port, long deadline, long[] latencies, AtomicLong failed, int index) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int n = 0;
        while (System.nanoTime() < deadline && n < latencies.length) {
            URI uri = URI.create("http://127.0.0.1:" + port + GETS[(n + index) % GETS.length]);
            long start = System.nanoTime();
            try {
                int status = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    failed.incrementAndGet();
                }
            } catch (IOException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
            latencies[n++] = Math.max(1, System.nanoTime() - start);
        }
    }

    /** The slow connections: one thread, one byte each per pause, a new connection for every one that ended. */
    private static final class Trickle implements Runnable {
        private final int port;
        private final long pauseMs;
        private final long deadline;
        private final Socket[] sockets;
        final AtomicLong opened = new AtomicLong();
        final AtomicLong answered = new AtomicLong();

        Trickle(int port, int count, long pauseMs, long deadline) {
            this.port = port;
            this.pauseMs = pauseMs;
            this.deadline = deadline;
            this.sockets = new Socket[count];
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < deadline) {
                    for (int i = 0; i < sockets.length; i++) {
                        sockets[i] = step(sockets[i]);
                    }
                    Thread.sleep(pauseMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                for (Socket socket : sockets) {
                    close(socket);
                }
            }
        }

        private Socket step(Socket socket) {
            try {
                if (socket == null) {
                    socket = new Socket("127.0.0.1", port);
                    socket.setSoTimeout(1);
                    opened.incrementAndGet();
                    socket.getOutputStream().write(("POST " + DRY_RUN + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
                    return socket;
                }
                InputStream in = socket.getInputStream();
                if (in.available() > 0) { // the server answered (408 or 429): this one is over, start another
                    answered.incrementAndGet();
                    close(socket);
                    return null;
                }
                OutputStream out = socket.getOutputStream();
                out.write(' ');
                out.flush();
                return socket;
            } catch (IOException closed) {
                close(socket);
                return null;
            }
        }

        private static void close(Socket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
