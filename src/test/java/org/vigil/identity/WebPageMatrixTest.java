package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vigil.shared.web.WebPage;
import org.vigil.support.Accounts;
import org.vigil.support.Browser;
import org.vigil.support.TestData;
import org.vigil.support.VigilIntegrationTest;
import org.vigil.tenancy.Permission;
import org.vigil.tenancy.Role;
import org.vigil.tenancy.RolePermissions;

/**
 * The web UI's pages declare who may see them, like the API's endpoints: every {@link WebPage}
 * handler carries {@code @PreAuthorize} unless it is a signed-out page or one about the signed-in
 * person only (listed below, with the reason). Then, for every role, each page without path
 * variables is requested in a real web session: 403 exactly where the role lacks the permission,
 * never a 500.
 */
@VigilIntegrationTest
class WebPageMatrixTest {

    private static final Pattern AUTHORITY = Pattern.compile("hasAuthority\\('([A-Z_]+)'\\)");

    /** Pages open to anyone (signed out) or to any signed-in member about themselves. */
    private static final Set<String> OPEN = Set.of(
            "GET /login", "POST /login", "GET /login/mfa", "POST /login/mfa",
            "GET /", "GET /account", "POST /account/linked-accounts/{id}/unlink", "POST /account/linked-accounts/{registrationId}",
            "GET /mfa/enrolment", "POST /mfa/enrolment", "POST /mfa/enrolment/confirm",
            "POST /session/organization",
            "GET /password-reset", "POST /password-reset", "GET /password-reset/confirm", "POST /password-reset/confirm",
            "GET /invitations/accept", "POST /invitations/accept", "GET /branding.css");

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Accounts accounts;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Page(String method, String path, Permission permission) {
    }

    private List<Page> pages(List<String> undeclared) {
        List<Page> pages = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!AnnotatedElementUtils.hasAnnotation(entry.getValue().getBeanType(), WebPage.class)) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String path : entry.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String name = method.name() + " " + path;
                    PreAuthorize rule = entry.getValue().getMethodAnnotation(PreAuthorize.class);
                    if (rule == null) {
                        rule = AnnotatedElementUtils.findMergedAnnotation(entry.getValue().getBeanType(), PreAuthorize.class);
                    }
                    Matcher matcher = rule == null ? null : AUTHORITY.matcher(rule.value());
                    if (matcher != null && matcher.find()) {
                        pages.add(new Page(method.name(), path, Permission.valueOf(matcher.group(1))));
                    } else if (rule == null && !OPEN.contains(name)) {
                        undeclared.add(name);
                    }
                }
            }
        }
        return pages;
    }

    @Test
    void everyPageDeclaresItsPermission() {
        List<String> undeclared = new ArrayList<>();
        pages(undeclared);
        assertThat(undeclared).as("web pages without @PreAuthorize (add one, or list them as open with a reason)")
                .isEmpty();
    }

    @Test
    void eachRoleIsRefusedExactlyThePagesItsPermissionsDoNotOpen() {
        List<Page> plain = pages(new ArrayList<>()).stream()
                .filter(page -> page.method().equals("GET") && !page.path().contains("{")).toList();
        String clinic = data.organization();
        Map<Role, Browser> browsers = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Accounts.Account account = accounts.member(clinic, role.name());
            Browser browser = new Browser(port);
            Browser.Page login = browser.get("/login");
            Browser.Page signedIn = browser.post("/login",
                    Map.of("email", account.email(), "password", Accounts.PASSWORD, "_csrf", login.csrf()));
            assertThat(signedIn.redirectsTo("/")).as(role + " signs in").isTrue();
            browsers.put(role, browser);
        }
        Set<String> wrong = new TreeSet<>();
        browsers.forEach((role, browser) -> {
            for (Page page : plain) {
                boolean allowedHere = RolePermissions.of(role).contains(page.permission());
                if (allowedHere && page.path().endsWith("/stream")) {
                    continue; // an event stream stays open; only its refusal is checked
                }
                int status = browser.get(page.path()).status();
                boolean allowed = RolePermissions.of(role).contains(page.permission());
                if (allowed ? status >= 400 : status != 403) {
                    wrong.add(role + " GET " + page.path() + " → " + status + (allowed ? " (allowed)" : " (expected 403)"));
                }
            }
        });
        assertThat(wrong).isEmpty();
    }
}
