package org.vigil.tenancy;

/**
 * The signed-in member a request acts for: the user and the one organization of their access
 * token. The security layer's principal implements it, so tenancy endpoints can take it with
 * {@code @AuthenticationPrincipal} without depending on the identity module.
 */
public interface TenantPrincipal {

    String userId();

    String organizationId();

    /**
     * The session this request's work must confirm in its transaction, when its caller check was
     * deferred there ({@link TenantScope#call(String, String, LiveSession, java.util.function.Supplier)});
     * null when the caller was checked before the request reached its handler (the usual case).
     */
    default LiveSession unconfirmedSession() {
        return null;
    }
}
