package org.vigil.tenancy;

/**
 * The signed-in member a request acts for: the user and the one organization of their access
 * token. The security layer's principal implements it, so tenancy endpoints can take it with
 * {@code @AuthenticationPrincipal} without depending on the identity module.
 */
public interface TenantPrincipal {

    String userId();

    String organizationId();
}
