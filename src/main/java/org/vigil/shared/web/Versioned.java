package org.vigil.shared.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/** A resource as read or written, with the version its {@code ETag} carries. */
public record Versioned<T>(T body, long version) {

    /** 200 with the body and its ETag. */
    public ResponseEntity<T> ok() {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(body);
    }

    /** 201 with Location, the body and its ETag. */
    public ResponseEntity<T> created(String location) {
        return ResponseEntity.created(URI.create(location)).eTag(ETags.of(version)).body(body);
    }
}
