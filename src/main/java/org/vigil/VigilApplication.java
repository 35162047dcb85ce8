package org.vigil;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Vigil: remote patient monitoring and chronic care management, one deployable of several
 * modules (one top-level package each; see README.md and ARCHITECTURE).
 */
@SpringBootApplication
public class VigilApplication {

    public static void main(String[] args) {
        SpringApplication.run(VigilApplication.class, args);
    }
}
