package dev.tokencontract.testing;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Non-daemon threads keep a JVM alive after main returns: find the ones a test left behind (the MCP SDK
 * 2.1.0 session sweeper is one; see docs/mcp-integration.md).
 */
public final class NonDaemonThreads {
    private NonDaemonThreads() {}

    public static Set<Thread> now() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    /** Threads alive and non-daemon that were not in {@code baseline}, after waiting up to {@code millis} for them to end. */
    public static Set<String> leftOver(Set<Thread> baseline, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        Set<Thread> extra;
        do {
            extra = now();
            extra.removeAll(baseline);
            if (extra.isEmpty()) {
                return Set.of();
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return extra.stream().map(Thread::getName).collect(Collectors.toSet());
    }
}
