package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.vigil.identity.AccountEvent;
import org.vigil.identity.CallerAuthentication;
import org.vigil.tenancy.MembershipDirectory;
import org.vigil.tenancy.TenantScope;

/**
 * The web UI's security: every path that is not the API's ({@link ApiSecurityConfiguration#PATHS}).
 * <ul>
 * <li>A server-side session behind the cookie {@code VIGIL_SESSION} (HttpOnly, SameSite=Lax, Secure
 * on HTTPS; 30 minutes idle), a new session id at every sign-in, and the live membership re-read on
 * every request ({@link WebSessionGuard}).</li>
 * <li>CSRF protection for every state-changing request: a session-stored token sent as the form
 * field {@code _csrf} or the header {@code X-CSRF-TOKEN} (htmx).</li>
 * <li>Sign-in with a password ({@link WebLoginController}, through {@link SignIn} like the API) and,
 * when OpenID Connect providers are configured, single sign-on ({@link SingleSignOn}).</li>
 * <li>Headers: no framing, a content security policy that admits only Vigil's own scripts and
 * styles, no caching of pages, same-origin referrers.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);
    static final String COOKIE = "VIGIL_SESSION";
    private static final List<String> STATIC = List.of("/webjars/", "/css/", "/js/", "/images/");

    @Bean
    @Order(2)
    SecurityFilterChain webSecurityFilterChain(HttpSecurity http, WebSessions sessions, MembershipDirectory memberships,
            ApplicationEventPublisher events, SingleSignOn singleSignOn,
            ObjectProvider<ClientRegistrationRepository> registrations, TenantScope tenantScope, JdbcTemplate jdbc,
            Clock clock) throws Exception {
        ClientRegistrationRepository providers = registrations.getIfAvailable();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/mfa", "/password-reset", "/password-reset/confirm",
                                "/invitations/accept", "/error", "/favicon.ico", "/webjars/**", "/css/**",
                                "/js/**", "/images/**").permitAll()
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(sessions.contextRepository()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .csrf(csrf -> csrf.csrfTokenRepository(sessions.csrfTokenRepository()))
                // After sign-in Vigil always goes to its home page: nothing is remembered from
                // anonymous requests, so they create no session.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> redirectToLogin(request, response, null)))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(providers)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> auditLogout(events, request, authentication))
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies(COOKIE)
                        .logoutSuccessUrl("/login?m=signed-out"))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .addFilterBefore(new WebSessionGuard(memberships, sessions, events, tenantScope, jdbc, clock),
                        AuthorizationFilter.class);
        if (providers != null) {
            http.oauth2Login(login -> singleSignOn(login, providers, singleSignOn));
        }
        return http.build();
    }

    private static void singleSignOn(OAuth2LoginConfigurer<HttpSecurity> login, ClientRegistrationRepository providers,
            SingleSignOn singleSignOn) {
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(providers,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // PKCE for every provider, on top of state and nonce.
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        login.loginPage("/login")
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                // Vigil uses the provider only to authenticate; it keeps none of its tokens.
                .authorizedClientRepository(new KeepNoAuthorizedClients())
                .successHandler(singleSignOn)
                .failureHandler(singleSignOn)
                // The provider's authentication is never the session's: SingleSignOn decides who
                // (if anyone) is signed in, and stores that itself. (Set after the configurer has
                // given the filter the chain's session repository.)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                    @Override
                    public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
                        return filter;
                    }
                });
    }

    /**
     * Scripts, styles, fonts and images from Vigil itself only (webjars included); no framing; forms
     * may post to Vigil and, for single sign-on, navigate on to the configured providers.
     */
    static String contentSecurityPolicy(ClientRegistrationRepository providers) {
        Set<String> formTargets = new LinkedHashSet<>(List.of("'self'"));
        if (providers instanceof Iterable<?> iterable) {
            StreamSupport.stream(iterable.spliterator(), false)
                    .map(registration -> ((ClientRegistration) registration).getProviderDetails().getAuthorizationUri())
                    .map(WebSecurityConfiguration::origin)
                    .forEach(formTargets::add);
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action "
                + String.join(" ", formTargets);
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    static boolean isStaticAsset(String path) {
        return STATIC.stream().anyMatch(path::startsWith) || path.equals("/favicon.ico");
    }

    /** To the sign-in page; an htmx request is told to navigate there instead of swapping it in. */
    static void redirectToLogin(HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        String target = message == null ? "/login" : "/login?m=" + message;
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", target);
            return;
        }
        response.sendRedirect(target);
    }

    private static void auditLogout(ApplicationEventPublisher events, HttpServletRequest request,
            Authentication authentication) {
        if (authentication instanceof CallerAuthentication signedIn) {
            SignIn.Client client = AuthController.client(request);
            events.publishEvent(new AccountEvent("LOGOUT", true, signedIn.caller().userId(),
                    signedIn.caller().organizationId(), "WEB_SESSION", client.ipAddress(), client.userAgent()));
        }
    }

    /**
     * The session cookie's Secure flag: on whenever Vigil's public address is HTTPS (or a request
     * arrives over HTTPS, which the servlet container marks itself), unless
     * {@code vigil.security.session-cookie-secure} says otherwise.
     */
    @Bean
    ServletContextInitializer sessionCookieSecurity(@Value("${vigil.security.session-cookie-secure:}") String configured,
            @Value("${vigil.public-url:}") String publicUrl) {
        boolean secure = secureCookie(configured, publicUrl);
        return servletContext -> {
            servletContext.getSessionCookieConfig().setSecure(secure);
            log.info("Web session cookie {}: Secure flag {}", COOKIE, secure ? "always on" : "on for HTTPS requests only");
        };
    }

    static boolean secureCookie(String configured, String publicUrl) {
        if (configured != null && !configured.isBlank()) {
            return Boolean.parseBoolean(configured.trim());
        }
        return publicUrl != null && publicUrl.trim().toLowerCase(java.util.Locale.ROOT).startsWith("https:");
    }

    /** Vigil signs people in with the provider and never calls the provider's APIs: no tokens are kept. */
    private static final class KeepNoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {
        }
    }
}
