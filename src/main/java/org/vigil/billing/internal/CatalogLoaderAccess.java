package org.vigil.billing.internal;

import org.springframework.stereotype.Component;

/** Lets operations (and tests) run the catalog load again; it is idempotent. */
@Component
public class CatalogLoaderAccess {

    private final CatalogLoader loader;

    CatalogLoaderAccess(CatalogLoader loader) {
        this.loader = loader;
    }

    /** Loads the shipped catalog again; returns the rows inserted or changed (0 when nothing changed). */
    public int loadAgain() {
        return loader.load();
    }
}
