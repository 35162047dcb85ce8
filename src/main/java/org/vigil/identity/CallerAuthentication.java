package org.vigil.identity;

import java.util.stream.Collectors;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a request: a verified access token (API) or a signed-in web session whose
 * user is, right now, an active member of its active organization. Authorities are the member's
 * permissions, so endpoints declare {@code @PreAuthorize("hasAuthority('PATIENT_READ')")}. A web
 * session has no token: its credentials are null.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final String token;

    public CallerAuthentication(Caller caller, String token) {
        super(caller.permissions().stream().map(p -> new SimpleGrantedAuthority(p.name())).collect(Collectors.toSet()));
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.userId();
    }
}
