package org.vigil.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.vigil.shared.Ids;

/**
 * Members who can sign in, for API tests: each gets a fresh user with a name and the one test
 * password (hashed once per run, since bcrypt is deliberately slow), and a membership.
 */
@Component
public class Accounts {

    public static final String PASSWORD = "correct horse battery staple";

    public record Account(String userId, String email) {
    }

    private final TestData data;
    private final PasswordEncoder passwords;
    private volatile String hash;

    Accounts(TestData data, PasswordEncoder passwords) {
        this.data = data;
        this.passwords = passwords;
    }

    /** A new user, named "Test <Role>", who is a member of the organization with this role. */
    public Account member(String organizationId, String role) {
        String id = Ids.newId();
        String email = role.toLowerCase(Locale.ROOT) + "." + id + "@clinic.test";
        data.platformUpdate("INSERT INTO users (id, email, password_hash, email_verified, first_name, last_name) "
                + "VALUES (?, ?, ?, true, 'Test', ?)", id, email, hash(), role);
        data.membership(organizationId, id, role);
        return new Account(id, email);
    }

    /** Signs the account in to the organization and returns its access token. */
    public String signIn(Api api, Account account, String organizationId) {
        Api.Response response = api.post("/api/v1/auth/login", Api.json(Map.of("email", account.email(),
                "password", PASSWORD, "organizationId", organizationId)));
        assertThat(response.status()).as("sign-in of %s", account.email()).isEqualTo(200);
        return response.json().get("accessToken").asString();
    }

    private String hash() {
        if (hash == null) {
            hash = passwords.encode(PASSWORD);
        }
        return hash;
    }
}
