package org.vigil.infrastructure.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the embedded server's port is free before it starts.
 *
 * <p>When a Vigil process is killed (power loss, {@code kill -9}), its PostgreSQL keeps running,
 * orphaned, holding the port and the data directory. If the process on the port is exactly that,
 * a postmaster of <em>our</em> data directory, it is shut down (PostgreSQL's fast shutdown, which
 * is safe: committed data is on disk) and Vigil starts normally. Anything else on the port stops
 * the start with a message that says what to do; without this check the server would silently
 * attach to whatever answers there.
 */
final class PortCheck {

    private static final Logger log = LoggerFactory.getLogger(PortCheck.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private PortCheck() {
    }

    static void requireFree(int port, Path dataDirectory) {
        if (isFree(port)) {
            return;
        }
        Optional<ProcessHandle> orphan = orphanedPostmaster(dataDirectory, port);
        if (orphan.isPresent() && stop(orphan.get()) && isFree(port)) {
            log.warn("Stopped PostgreSQL (pid {}) left running on port {} by an earlier Vigil that did not shut down",
                    orphan.get().pid(), port);
            return;
        }
        throw new IllegalStateException(message(port, orphan));
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As PostgreSQL itself does: connections of a previous run lingering in TIME_WAIT do
            // not block the port, a listening server does.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    static String message(int port, Optional<ProcessHandle> orphan) {
        StringBuilder text = new StringBuilder("Port ").append(port)
                .append(" for the embedded PostgreSQL server is already in use. ");
        if (orphan.isPresent()) {
            text.append("A PostgreSQL server (pid ").append(orphan.get().pid())
                    .append(") from an earlier Vigil run still holds the data directory and did not stop; stop it (kill ")
                    .append(orphan.get().pid()).append(") and start Vigil again. ");
        } else {
            text.append("Stop the program using it, or choose another port with VIGIL_DB_PORT. ");
        }
        return text.append("To use an external PostgreSQL server instead, set SPRING_DATASOURCE_URL.").toString();
    }

    /**
     * The postmaster named by our data directory's {@code postmaster.pid}, if it is alive, listens
     * on {@code port} (line 4 of the file) and is a postgres process serving that directory.
     */
    static Optional<ProcessHandle> orphanedPostmaster(Path dataDirectory, int port) {
        if (dataDirectory == null) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 4 || !lines.get(3).trim().equals(String.valueOf(port))) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String directory = dataDirectory.toAbsolutePath().normalize().toString();
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains("postgres") && line.contains(directory))
                        .orElse(false));
    }

    private static boolean stop(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
