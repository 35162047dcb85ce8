package org.vigil.tenancy;

import org.springframework.security.core.Authentication;

/**
 * Whether the current request's member holds a permission, for pages that show an action only to
 * those who may take it (the handler of the action still declares the permission itself).
 */
public final class Granted {

    private Granted() {
    }

    public static boolean may(Authentication authentication, Permission permission) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> permission.name().equals(authority.getAuthority()));
    }
}
