package testoidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server in a
 * small application context of its own, on a free port at {@code http://localhost:<port>} (its
 * issuer), with a login form and in-memory users that tests add. One client, {@code vigil}
 * (client_secret_basic, authorization code, scopes openid/email/profile, no consent), whose
 * redirect URI is Vigil's callback on the loopback address 127.0.0.1, where any port is accepted
 * (RFC 8252), so it fits Vigil's random test port.
 * <p>
 * Deliberately outside {@code org.vigil}: the application's component scan never finds it. It is
 * started without SpringApplication, so it reads none of Vigil's configuration and leaves the
 * logging set-up alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class TestOidcProvider {

    public static final String CLIENT_ID = "vigil";
    public static final String CLIENT_SECRET = "vigil-test-client-secret";
    public static final String REGISTRATION_ID = "testidp";

    private final AnnotationConfigServletWebServerApplicationContext context;
    private final InMemoryUserDetailsManager users;
    private static final Map<String, String> EMAILS = new ConcurrentHashMap<>();

    private TestOidcProvider(AnnotationConfigServletWebServerApplicationContext context) {
        this.context = context;
        this.users = context.getBean(InMemoryUserDetailsManager.class);
    }

    /** Default constructor for Spring, which uses this class as the provider's configuration. */
    public TestOidcProvider() {
        this.context = null;
        this.users = null;
    }

    public static TestOidcProvider start() {
        AnnotationConfigServletWebServerApplicationContext context = new AnnotationConfigServletWebServerApplicationContext();
        context.register(TestOidcProvider.class);
        context.refresh();
        return new TestOidcProvider(context);
    }

    public String issuer() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A person at the provider; the ID token carries {@code email} as its email claim. */
    public void addUser(String username, String password, String email) {
        EMAILS.put(username, email);
        users.createUser(User.withUsername(username).password("{noop}" + password).roles("USER").build());
    }

    public void stop() {
        context.close();
    }

    @Bean
    TomcatServletWebServerFactory webServerFactory() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.setAddress(java.net.InetAddress.getLoopbackAddress());
        // Every endpoint is a security filter; Tomcat runs filters only for a mapped servlet.
        factory.setRegisterDefaultServlet(true);
        return factory;
    }

    @Bean
    DelegatingFilterProxyRegistrationBean securityFilterChainRegistration() {
        return new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // The user info endpoint takes the access tokens this provider issued.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    RegisteredClientRepository clients() {
        return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/login/oauth2/code/" + REGISTRATION_ID)
                .scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> emailInIdToken() {
        return token -> {
            if (OidcParameterNames.ID_TOKEN.equals(token.getTokenType().getValue())) {
                String email = EMAILS.get(token.getPrincipal().getName());
                if (email != null) {
                    token.getClaims().claim("email", email).claim("email_verified", true);
                }
            }
        };
    }

    @Bean
    RSAKey signingKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
    }

    @Bean
    JWKSource<SecurityContext> keys(RSAKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey) throws Exception {
        return NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
    }

    @Bean
    AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().build();
    }
}
