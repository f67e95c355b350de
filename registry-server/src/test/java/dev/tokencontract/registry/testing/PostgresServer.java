package dev.tokencontract.registry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real, throwaway PostgreSQL server for tests: {@code initdb} of a fresh cluster in a temp directory,
 * {@code postgres} on a free loopback port with its unix socket in that directory, password
 * (scram-sha-256) authentication, and everything stopped and deleted at {@link #close()}. Binaries come
 * from {@code $TOKENCONTRACT_PG_BIN} or the highest {@code /usr/lib/postgresql/N/bin}; none is a failure,
 * not a skip (CI installs the Debian {@code postgresql} package). As root (here and in CI) the server runs
 * as the {@code postgres} OS user, since PostgreSQL refuses to run as root. The server process gets
 * SIGKILL if the test JVM dies, so a crashed run leaves no server behind.
 *
 * <pre>{@code
 * String url = PostgresServer.shared().createDatabase();   // jdbc:postgresql://127.0.0.1:PORT/tc_N
 * ContractStore store = ContractStores.open(url, PostgresServer.shared().user(), PostgresServer.shared().password());
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {
    private static final String OS_USER = "postgres";
    private static PostgresServer shared;

    private final Path root;
    private final Path binaries;
    private final boolean asRoot;
    private volatile int port;
    private final String password = UUID.randomUUID().toString();
    private final AtomicInteger databases = new AtomicInteger();
    private Process server;

    private PostgresServer(Path root, Path binaries, boolean asRoot) {
        this.root = root;
        this.binaries = binaries;
        this.asRoot = asRoot;
    }

    /** One server for the whole test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-server-stop"));
        }
        return shared;
    }

    /** A private server; the caller closes it (tests that stop the database use this one). */
    public static PostgresServer start() {
        Path binaries = binaries();
        boolean asRoot = isRoot();
        Path root;
        try {
            root = Files.createTempDirectory("tc-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresServer server = new PostgresServer(root, binaries, asRoot);
        try {
            server.initAndStart();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** Creates a fresh, empty database and returns its JDBC URL (credentials not included). */
    public String createDatabase() {
        String name = "tc_" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), user(), password);
                Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /** The JDBC URL of one database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser the cluster was initialised with. */
    public String user() {
        return "tokencontract";
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Stops the server (fast shutdown: open sessions are ended) and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (server != null && server.isAlive()) {
            run(
                    List.of(binaries.resolve("pg_ctl").toString(), "-D", data().toString(), "stop", "-m", "fast", "-w"),
                    false);
            server.destroyForcibly();
            try {
                server.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteTree(root);
    }

    /**
     * Stops the server as a crash would ({@code pg_ctl stop -m immediate}: no shutdown checkpoint, every
     * session dropped at once); {@link #restart()} brings it back on the same port with the same data.
     */
    public synchronized void stopImmediately() {
        run(
                List.of(
                        binaries.resolve("pg_ctl").toString(),
                        "-D",
                        data().toString(),
                        "stop",
                        "-m",
                        "immediate",
                        "-w"),
                true);
        try {
            server.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the stopped server again on its port (crash recovery replays its WAL). */
    public synchronized void restart() {
        server = launch(serverCommand());
        awaitReady();
    }

    private void initAndStart() {
        try {
            Path passwordFile = root.resolve("password");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            Files.createDirectories(sockets());
            if (asRoot) {
                giveToPostgres(root, passwordFile, sockets());
            }
            run(
                    List.of(
                            binaries.resolve("initdb").toString(),
                            "-D",
                            data().toString(),
                            "-U",
                            user(),
                            "--pwfile=" + passwordFile,
                            "--auth=scram-sha-256",
                            "--encoding=UTF8",
                            "--locale=C",
                            "--no-sync",
                            "--no-instructions"),
                    true);
            startOnAFreePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Other builds on this machine may take the port between our probe and the bind: try a few. */
    private void startOnAFreePort() {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            server = launch(serverCommand());
            try {
                awaitReady();
                return;
            } catch (IllegalStateException e) {
                boolean portTaken = !server.isAlive() && log().contains("could not bind");
                if (!portTaken || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private List<String> serverCommand() {
        return List.of(
                binaries.resolve("postgres").toString(),
                "-D",
                data().toString(),
                "-p",
                Integer.toString(port),
                "-k",
                sockets().toString(),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=300");
    }

    private Process launch(List<String> command) {
        // Launched from a thread that lives as long as the server: the parent-death signal fires when the
        // launching thread ends, not only the JVM.
        CompletableFuture<Process> launched = new CompletableFuture<>();
        Thread keeper = new Thread(
                () -> {
                    try {
                        Process process = new ProcessBuilder(asOsUser(command, true))
                                .redirectErrorStream(true)
                                .redirectOutput(root.resolve("server.log").toFile())
                                .start();
                        launched.complete(process);
                        process.waitFor();
                    } catch (IOException | RuntimeException e) {
                        launched.completeExceptionally(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "postgres-server-" + port);
        keeper.setDaemon(true);
        keeper.start();
        return launched.join();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("postgres exited with " + server.exitValue() + ":\n" + log());
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password)) {
                if (connection.isValid(1)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
                sleep(50);
            }
        }
        throw new IllegalStateException("postgres did not accept connections within 30 s (" + last + "):\n" + log());
    }

    private void run(List<String> command, boolean mustSucceed) {
        try {
            Process process = new ProcessBuilder(asOsUser(command, false))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within 60 s");
            }
            if (mustSucceed && process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private List<String> asOsUser(List<String> command, boolean dieWithParent) {
        List<String> full = new ArrayList<>();
        if (asRoot || dieWithParent) {
            full.add("setpriv");
            if (asRoot) {
                full.addAll(List.of("--reuid=" + OS_USER, "--regid=" + OS_USER, "--init-groups"));
            }
            if (dieWithParent) {
                full.add("--pdeathsig=KILL");
            }
            full.add("--");
        }
        full.addAll(command);
        return full;
    }

    private static void giveToPostgres(Path... paths) throws IOException {
        UserPrincipalLookupService users = paths[0].getFileSystem().getUserPrincipalLookupService();
        UserPrincipal postgres;
        try {
            postgres = users.lookupPrincipalByName(OS_USER);
        } catch (UserPrincipalNotFoundException e) {
            throw new IllegalStateException(
                    "running as root, so PostgreSQL must run as the '" + OS_USER
                            + "' OS user, which does not exist (the Debian postgresql package creates it)",
                    e);
        }
        for (Path path : paths) {
            Files.setOwner(path, postgres);
        }
    }

    private Path data() {
        return root.resolve("data");
    }

    private Path sockets() {
        return root.resolve("sockets");
    }

    private String log() {
        try {
            return Files.readString(root.resolve("server.log"));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    static Path binaries() {
        String configured = System.getenv("TOKENCONTRACT_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isExecutable(path.resolve("initdb"))) {
                return path;
            }
            throw new IllegalStateException("TOKENCONTRACT_PG_BIN=" + configured + " has no executable initdb");
        }
        Path debian = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(debian) ? Files.list(debian) : Stream.empty()) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingDouble(
                            v -> Double.parseDouble(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries: the store tests"
                            + " need /usr/lib/postgresql/N/bin/initdb (apt-get install postgresql) or"
                            + " TOKENCONTRACT_PG_BIN pointing at a directory with initdb, pg_ctl and postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover temp directory is not a test failure.
        }
    }
}
