package org.vigil.infrastructure.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses to start the embedded server on a port something else already listens on, with a
 * message that says what to do. Without it the server would silently attach to whatever answers
 * there, including an orphaned PostgreSQL from a killed Vigil.
 */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(int port, Path dataDirectory) {
        try (ServerSocket socket = new ServerSocket()) {
            // As PostgreSQL itself does: connections of a previous run lingering in TIME_WAIT do
            // not block the port, a listening server does.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException taken) {
            throw new IllegalStateException(message(port, dataDirectory), taken);
        }
    }

    static String message(int port, Path dataDirectory) {
        StringBuilder text = new StringBuilder("Port ").append(port)
                .append(" for the embedded PostgreSQL server is already in use. ");
        String orphan = orphanedPostmaster(dataDirectory);
        if (orphan != null) {
            text.append("A PostgreSQL server (pid ").append(orphan)
                    .append(") from an earlier Vigil run still holds the data directory ")
                    .append(dataDirectory).append("; stop it (kill ").append(orphan)
                    .append(") and start Vigil again. ");
        } else {
            text.append("Stop the program using it, or choose another port with VIGIL_DB_PORT. ");
        }
        return text.append("To use an external PostgreSQL server instead, set SPRING_DATASOURCE_URL.").toString();
    }

    private static String orphanedPostmaster(Path dataDirectory) {
        if (dataDirectory == null) {
            return null;
        }
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? null : lines.get(0).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
