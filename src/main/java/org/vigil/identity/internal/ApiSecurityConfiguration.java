package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.vigil.identity.CallerAuthentication;
import org.vigil.shared.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * One authorization path for every API request: a bearer access token, verified, whose user is
 * at this moment an active member of the token's active organization. Everything not listed is
 * refused. Endpoints then declare the permission they need with {@code @PreAuthorize}.
 * <p>
 * This chain owns {@code /api/**} and the machine endpoints (health, OpenAPI); it is stateless and
 * never reads a session, so the web UI's session cookie cannot authenticate an API request. Every
 * other path belongs to {@link WebSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class ApiSecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, cost 12 (about 250 ms per check on this machine's cores).
        return new BCryptPasswordEncoder(12);
    }

    /**
     * No Micrometer observation around each of the security chain's filters, nor around every
     * authentication and authorization decision (Spring Security's default when an
     * {@code ObservationRegistry} exists): about fifteen observations per request, measured as a
     * quarter of the JVM's time on single-reading POSTs, and exported nowhere. Each request is
     * still timed once by Spring MVC's {@code http.server.requests}; failed sign-ins and denied
     * access are in the audit log.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The paths of this chain; everything else is the web UI's. */
    static final String[] PATHS = {"/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
        "/swagger-ui/**"};

    /** The device webhook, authenticated by its signature rather than a bearer token. */
    static final String DEVICE_WEBHOOK = "/api/v1/devices/*/readings";
    private static final RequestMatcher WEBHOOK_MATCHER = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, DEVICE_WEBHOOK);
    private static final DefaultBearerTokenResolver DEFAULT_BEARER = new DefaultBearerTokenResolver();

    @Bean
    @Order(1)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessTokens accessTokens,
            DeferredSessionCheck sessionCheck, JsonMapper json) throws Exception {
        ProblemWriter problems = new ProblemWriter(json);
        AuthenticationManager checkedNow = bearer(accessTokens, sessionCheck::checkedNow);
        AuthenticationManager deferring = bearer(accessTokens, sessionCheck::authenticate);
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout",
                                "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm",
                                "/api/v1/auth/mfa/verify", "/api/v1/auth/email-verification/confirm",
                                "/api/v1/invitations/accept").permitAll()
                        // The device webhook: a vendor platform, not a member; the endpoint verifies
                        // the delivery's HMAC signature itself (monitoring's DeviceVendors).
                        .requestMatchers(HttpMethod.POST, DEVICE_WEBHOOK).permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        // A bearer token sent to the device webhook is ignored: a delivery never acts
                        // (nor is audited) as a member.
                        .bearerTokenResolver(request -> WEBHOOK_MATCHER.matches(request) ? null
                                : DEFAULT_BEARER.resolve(request))
                        // Logout, refresh-token reuse and "all sessions revoked" end the session's
                        // access tokens at once, not when they expire; a deactivated membership,
                        // user or organization too. One statement per request for both, before the
                        // handler; for the readings endpoint in the request's own transaction
                        // (DeferredSessionCheck).
                        .authenticationManagerResolver(request -> DeferredSessionCheck.ENDPOINT.matches(request)
                                ? deferring : checkedNow)
                        .authenticationEntryPoint((request, response, e) -> problems.write(response, Problems.unauthenticated()))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, Problems.forbidden())))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> problems.write(response, Problems.unauthenticated()))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, Problems.forbidden())))
                // Bearer tokens, no cookies: nothing for a cross-site request to ride on. The web
                // UI's cookie session has CSRF protection (WebSecurityConfiguration).
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Verifies the bearer token (signature, issuer, expiry) and makes its caller with {@code caller}. */
    private static AuthenticationManager bearer(AccessTokens accessTokens, Converter<Jwt, CallerAuthentication> caller) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(accessTokens.decoder());
        provider.setJwtAuthenticationConverter(caller::convert);
        return new ProviderManager(provider);
    }

    /** Writes a problem from the security filters, which run before Spring MVC's handlers. */
    private record ProblemWriter(JsonMapper json) {
        void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        }
    }
}
