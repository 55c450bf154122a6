package com.consumer360.security.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.admin.UserAdminService;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import com.consumer360.support.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The hardening items of docs/security.md, each through real HTTP and the real security filter chain. */
@PortalIntegration
class SecurityHardeningTest {

    @LocalServerPort
    int port;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    UserAdminService admin;

    @Autowired
    UserDetailsService users;

    @Test
    void signInWithoutOrWithABogusCsrfTokenIsRefused() throws Exception {
        long signIns = signIns("north");
        Portal portal = new Portal(port);
        portal.get("/login");
        HttpResponse<String> none = portal.postForm("/login", "username=north&password=demo");
        assertThat(none.statusCode()).isEqualTo(403);
        HttpResponse<String> bogus = portal.postForm("/login", "username=north&password=demo&_csrf=bogus");
        assertThat(bogus.statusCode()).isEqualTo(403);
        assertThat(signIns("north")).as("no sign-in happened").isEqualTo(signIns);
    }

    @Test
    void signInWithTheFormsTokenWorksAndChangesTheSessionId() throws Exception {
        Portal portal = new Portal(port);
        String token = portal.loginPageToken();
        String before = portal.sessionId();
        HttpResponse<String> response = portal.postForm("/login", "username=north&password=demo&_csrf="
                + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(portal.sessionId()).as("session fixation: a new session id after sign-in").isNotNull().isNotEqualTo(before);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        Portal portal = new Portal(port);
        List<HttpResponse<String>> responses = new java.util.ArrayList<>();
        responses.add(portal.get("/login"));
        responses.add(portal.get("/sales"));
        responses.add(portal.postForm("/login", "username=x&password=y"));
        portal.signIn("north", "demo");
        responses.add(portal.get("/sales"));
        responses.add(portal.get("/clv"));
        responses.add(portal.get("/no-such-page"));
        for (HttpResponse<String> response : responses) {
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(response.uri().toString())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'self'",
                            "object-src 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(response.uri().toString()).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(response.uri().toString()).contains("same-origin");
            assertThat(headers.firstValue("X-Frame-Options")).as(response.uri().toString()).isPresent();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        Portal portal = new Portal(port);
        String cookie = portal.get("/login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void passwordsAreStoredAsBcryptHashesThroughTheDelegatingEncoder() throws Exception {
        try (Connection c = TestDatabase.connectAs("postgres");
             PreparedStatement s = c.prepareStatement("SELECT password_hash FROM app_user ORDER BY username");
             ResultSet r = s.executeQuery()) {
            int users = 0;
            while (r.next()) {
                users++;
                assertThat(r.getString(1)).matches("\\{bcrypt}\\$2[aby]\\$1[0-9]\\$[./A-Za-z0-9]{53}");
            }
            assertThat(users).isGreaterThanOrEqualTo(8);
        }
        assertThat(passwords.encode("a new password")).startsWith("{bcrypt}$2a$10$");
        // the delegating encoder still verifies hashes of another algorithm by their {id}, so the algorithm can move on
        // without a password reset
        String pbkdf2 = "{pbkdf2@SpringSecurity_v5_8}" + org.springframework.security.crypto.password.Pbkdf2PasswordEncoder
                .defaultsForSpringSecurity_v5_8().encode("x");
        assertThat(passwords.matches("x", pbkdf2)).isTrue();
        assertThat(passwords.matches("y", pbkdf2)).isFalse();
    }

    @Test
    void actuatorEndpointsOtherThanHealthAreForAdminsOnly() throws Exception {
        Portal anonymous = new Portal(port);
        assertThat(anonymous.get("/actuator/env").statusCode()).isIn(302, 401, 403);
        Portal north = new Portal(port);
        north.signIn("north", "demo");
        assertThat(north.get("/actuator/env").statusCode()).isEqualTo(403);
        assertThat(north.get("/actuator/beans").statusCode()).isEqualTo(403);
    }

    @Test
    void repeatedFailuresThrottleTheUserNameEvenWithTheRightPassword() throws Exception {
        SignedIn.call(users, "admin", () -> {
            admin.createUser("throttled", "Throttled Tester", "correct-horse", Set.of("REGIONAL_MANAGER"), Set.of((short) 3));
            return null;
        });
        Portal attacker = new Portal(port);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.signIn("throttled", "wrong-" + i).headers().firstValue("Location").orElseThrow())
                    .contains("login?error");
        }
        Portal owner = new Portal(port);
        HttpResponse<String> refused = owner.signIn("throttled", "correct-horse");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("login?error");
        assertThat(signIns("throttled")).isZero();
        assertThat(TestDatabase.superuserLong("SELECT count(*) FROM audit_event WHERE username = 'throttled'"
                + " AND action = 'SIGN_IN_THROTTLED'")).isEqualTo(1);
        assertThat(TestDatabase.superuserLong("SELECT count(*) FROM audit_event WHERE username = 'throttled'"
                + " AND action = 'SIGN_IN_FAILED'")).isEqualTo(5);
        // another user name is not affected
        long east = signIns("east");
        assertThat(new Portal(port).signIn("east", "demo").headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");
        assertThat(signIns("east")).isEqualTo(east + 1);
    }

    @Test
    void signInsAndFailuresAreAudited() throws Exception {
        long before = TestDatabase.superuserLong("SELECT count(*) FROM audit_event WHERE username = 'south'"
                + " AND action = 'SIGN_IN'");
        new Portal(port).signIn("south", "demo");
        new Portal(port).signIn("south", "not-the-password");
        assertThat(TestDatabase.superuserLong("SELECT count(*) FROM audit_event WHERE username = 'south'"
                + " AND action = 'SIGN_IN'")).isEqualTo(before + 1);
        assertThat(TestDatabase.superuserLong("SELECT count(*) FROM audit_event WHERE username = 'south'"
                + " AND action = 'SIGN_IN_FAILED'")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void errorsShowNoStackTraceOrSql() throws Exception {
        Portal portal = new Portal(port);
        portal.signIn("north", "demo");
        for (String path : List.of("/error", "/customers/not-a-number", "/customers/99999999999999999999999")) {
            String body = portal.get(path).body();
            assertThat(body).as(path).doesNotContain("Exception", "at com.", "at org.", "SELECT ", "SQLState");
        }
    }

    private static long signIns(String username) throws Exception {
        return TestDatabase.superuserLong("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'SIGN_IN'",
                username);
    }
}
