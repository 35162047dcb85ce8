package org.vigil.infrastructure.database;

import java.nio.file.Path;

/**
 * Test helper run in its own JVM: starts the embedded server like Vigil does, says READY, then
 * waits to be killed with SIGKILL, leaving its PostgreSQL orphaned as a crashed Vigil would.
 */
public final class KilledVigil {

    private KilledVigil() {
    }

    public static void main(String[] args) throws Exception {
        new EmbeddedPostgresConfiguration.EmbeddedPostgresLauncher(
                new EmbeddedPostgresProperties(Path.of(args[0]), Integer.parseInt(args[1]), null)).start();
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
