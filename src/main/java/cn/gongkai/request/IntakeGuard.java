package cn.gongkai.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps scripts and second submissions off the public request form without any outside service: a signed form token
 * that must be at least a few seconds old and at most a day and is good for one request only, an empty hidden field
 * that people never fill, and a per-address limit of submissions per hour (configurable). Spent tokens are kept in
 * PostgreSQL, so every node knows them; the limit is per node, behind a load balancer each node counts its own.
 */
@Component
public class IntakeGuard {

    public static final String SPENT = "request.guard.spent";
    private static final Duration TOKEN_LIFE = Duration.ofDays(1);

    private final byte[] secret = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final SpentTokens spent;
    private final int perHour;
    private final Duration minimumAge;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastForgotten = new AtomicReference<>(Instant.EPOCH);

    @Autowired
    IntakeGuard(Clock clock, JdbcTemplate jdbc, @Value("${gongkai.requests.portal-limit-per-hour:10}") int perHour,
            @Value("${gongkai.requests.form-minimum-seconds:3}") long minimumSeconds) {
        this(clock, new JdbcSpentTokens(jdbc), perHour, minimumSeconds);
    }

    IntakeGuard(Clock clock, SpentTokens spent, int perHour, long minimumSeconds) {
        random.nextBytes(secret);
        this.clock = clock;
        this.spent = spent;
        this.perHour = perHour;
        this.minimumAge = Duration.ofSeconds(minimumSeconds);
    }

    /** A new token: when it was issued, a random nonce (two forms opened in the same millisecond differ), signed. */
    public String issue() {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String body = Instant.now(clock).toEpochMilli() + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(nonce);
        return body + "." + sign(body);
    }

    /** Null when the submission may go on, else the bundle key of the refusal. */
    public String check(String address, String token, String honeypot) {
        if (honeypot != null && !honeypot.isBlank()) {
            return "request.guard.script";
        }
        if (token == null || token.length() > 200 || token.lastIndexOf('.') <= 0) {
            return "request.guard.token";
        }
        String body = token.substring(0, token.lastIndexOf('.'));
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                token.substring(token.lastIndexOf('.') + 1).getBytes(StandardCharsets.US_ASCII))) {
            return "request.guard.token";
        }
        Instant issued;
        try {
            issued = Instant.ofEpochMilli(Long.parseLong(body.substring(0, Math.max(body.indexOf('.'), 0))));
        } catch (NumberFormatException e) {
            return "request.guard.token";
        }
        Instant now = Instant.now(clock);
        if (issued.plus(minimumAge).isAfter(now)) {
            return "request.guard.tooFast";
        }
        if (issued.plus(TOKEN_LIFE).isBefore(now)) {
            return "request.guard.token";
        }
        forgetExpired(now);
        Deque<Instant> times = recent.computeIfAbsent(address == null ? "-" : address, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                return "request.guard.rateLimited";
            }
            times.addLast(now);
        }
        return null;
    }

    /**
     * Spends a token that {@link #check} let through; false when it was spent already (the refusal is then
     * {@link #SPENT}). Call it in the transaction that receives the request: a concurrent submission of the same token
     * waits for that transaction on the primary key, and finds the token spent if it committed, or free again if it
     * rolled back. {@code check} does not look the token up: under a burst of submissions every connection counts,
     * and the spend answers the same question at no extra cost.
     */
    public boolean spend(String token) {
        return spent.spend(tokenHash(token), Instant.now(clock));
    }

    /** A token past its life is refused anyway: its spent record may go, at most once a minute per node. */
    private void forgetExpired(Instant now) {
        Instant last = lastForgotten.get();
        if (last.plus(Duration.ofMinutes(1)).isBefore(now) && lastForgotten.compareAndSet(last, now)) {
            spent.forgetBefore(now.minus(TOKEN_LIFE));
        }
    }

    /** The token as it is kept once spent: its SHA-256, hex. */
    public static String tokenHash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where spent tokens are kept; a map in unit tests. */
    interface SpentTokens {

        /** True when the token was not spent before. */
        boolean spend(String tokenHash, Instant at);

        void forgetBefore(Instant instant);
    }

    /** Spent tokens in {@code spent_form_token}; the primary key decides between two concurrent spends. */
    static final class JdbcSpentTokens implements SpentTokens {

        private final JdbcTemplate jdbc;

        JdbcSpentTokens(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public boolean spend(String tokenHash, Instant at) {
            return jdbc.update("insert into spent_form_token (token_hash, spent_at) values (?, ?) "
                    + "on conflict (token_hash) do nothing", tokenHash, Timestamp.from(at)) == 1;
        }

        @Override
        public void forgetBefore(Instant instant) {
            jdbc.update("delete from spent_form_token where spent_at < ?", Timestamp.from(instant));
        }
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
