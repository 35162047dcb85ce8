package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vigil.shared.Ids;
import org.vigil.support.Api;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.Role;
import org.vigil.tenancy.RolePermissions;

/**
 * Every API endpoint, every role: an endpoint declares the permission it needs (or, explicitly, any
 * member, or platform administrators only), unless it is one of the sign-in endpoints; and over
 * HTTP each role is refused (403) exactly where it is not allowed, and never gets a 500.
 */
@VigilIntegrationTest
class RoleEndpointMatrixTest {

    /** Endpoints that need no permission: anonymous sign-in steps and the caller's own account. */
    private static final Set<String> OPEN = Set.of(
            "POST /api/v1/auth/login", "POST /api/v1/auth/refresh", "POST /api/v1/auth/logout",
            "POST /api/v1/auth/password-reset", "POST /api/v1/auth/password-reset/confirm",
            "POST /api/v1/auth/mfa/verify", "POST /api/v1/auth/mfa/enrolment", "POST /api/v1/auth/mfa/enrolment/confirm",
            "POST /api/v1/auth/mfa/disable", "POST /api/v1/auth/switch-organization", "GET /api/v1/auth/me",
            "POST /api/v1/auth/email-verification", "POST /api/v1/auth/email-verification/confirm",
            "POST /api/v1/invitations/accept",
            // called by a vendor platform and authenticated by its HMAC signature, not by a member
            "POST /api/v1/devices/{vendor}/readings");
    private static final Pattern AUTHORITY = Pattern.compile("hasAuthority\\('([A-Z_]+)'\\)");
    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** An endpoint and who may call it: members holding a permission, any member, or platform admins only. */
    record Endpoint(String method, String path, Permission permission, boolean anyMember, boolean platformOnly) {

        boolean allows(Role role) {
            return !platformOnly && (anyMember || RolePermissions.of(role).contains(permission));
        }
    }

    private List<Endpoint> protectedEndpoints(List<String> undeclared) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String path : entry.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    String name = method.name() + " " + path;
                    PreAuthorize rule = entry.getValue().getMethodAnnotation(PreAuthorize.class);
                    Matcher matcher = rule == null ? null : AUTHORITY.matcher(rule.value());
                    if (matcher != null && matcher.find()) {
                        endpoints.add(new Endpoint(method.name(), path, Permission.valueOf(matcher.group(1)), false, false));
                    } else if (rule != null && rule.value().equals("isAuthenticated()")) {
                        endpoints.add(new Endpoint(method.name(), path, null, true, false));
                    } else if (rule != null && rule.value().contains("@platformAdmins.isPlatformAdmin")) {
                        endpoints.add(new Endpoint(method.name(), path, null, false, true));
                    } else if (!OPEN.contains(name)) {
                        undeclared.add(name);
                    }
                }
            }
        }
        return endpoints;
    }

    Map<Role, String> tokens = new EnumMap<>(Role.class);

    @BeforeEach
    void oneMemberPerRole() {
        Api api = new Api(port);
        String clinic = data.organization();
        for (Role role : Role.values()) {
            String email = role.name().toLowerCase() + "." + Ids.newId() + "@clinic.test";
            data.membership(clinic, data.userWithPassword(email, PASSWORD), role.name());
            tokens.put(role, api.post("/api/v1/auth/login", Api.json(Map.of("email", email, "password", PASSWORD)))
                    .json().get("accessToken").asString());
        }
    }

    @Test
    void everyEndpointDeclaresItsPermission() {
        List<String> undeclared = new ArrayList<>();
        protectedEndpoints(undeclared);
        assertThat(undeclared).as("API endpoints without @PreAuthorize(hasAuthority(...))").isEmpty();
    }

    @Test
    void eachRoleIsRefusedExactlyWhereItLacksThePermission() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> mismatches = new ArrayList<>();
        List<Endpoint> endpoints = protectedEndpoints(new ArrayList<>());
        assertThat(endpoints).as("the matrix has endpoints to check").hasSizeGreaterThan(5);
        for (Endpoint endpoint : endpoints) {
            String path = endpoint.path().replaceAll("\\{[^}]+}", Ids.newId());
            for (Role role : Role.values()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + tokens.get(role)).header("Content-Type", "application/json")
                        .method(endpoint.method(), endpoint.method().equals("GET") || endpoint.method().equals("DELETE")
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                boolean allowed = endpoint.allows(role);
                if (status >= 500 || allowed == (status == 403)) {
                    mismatches.add(endpoint.method() + " " + endpoint.path() + " as " + role + " -> " + status
                            + (allowed ? " (allowed by role)" : " (not allowed by role)"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
