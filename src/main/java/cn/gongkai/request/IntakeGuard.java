package cn.gongkai.request;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps scripts off the public request form without any outside service: a signed form token that must be at least
 * a few seconds old and at most a day, an empty hidden field that people never fill, and a per-address limit of
 * submissions per hour (configurable). The limit is per node; behind a load balancer each node counts its own.
 */
@Component
class IntakeGuard {

    private final byte[] secret = new byte[32];
    private final Clock clock;
    private final int perHour;
    private final Duration minimumAge;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    IntakeGuard(Clock clock, @Value("${gongkai.requests.portal-limit-per-hour:10}") int perHour,
            @Value("${gongkai.requests.form-minimum-seconds:3}") long minimumSeconds) {
        new SecureRandom().nextBytes(secret);
        this.clock = clock;
        this.perHour = perHour;
        this.minimumAge = Duration.ofSeconds(minimumSeconds);
    }

    String issue() {
        String issuedAt = String.valueOf(Instant.now(clock).toEpochMilli());
        return issuedAt + "." + sign(issuedAt);
    }

    /** Null when the submission may go on, else the bundle key of the refusal. */
    String check(String address, String token, String honeypot) {
        if (honeypot != null && !honeypot.isBlank()) {
            return "request.guard.script";
        }
        if (token == null || !token.contains(".")) {
            return "request.guard.token";
        }
        String issuedAt = token.substring(0, token.indexOf('.'));
        if (!sign(issuedAt).equals(token.substring(token.indexOf('.') + 1))) {
            return "request.guard.token";
        }
        Instant issued;
        try {
            issued = Instant.ofEpochMilli(Long.parseLong(issuedAt));
        } catch (NumberFormatException e) {
            return "request.guard.token";
        }
        Instant now = Instant.now(clock);
        if (issued.plus(minimumAge).isAfter(now)) {
            return "request.guard.tooFast";
        }
        if (issued.plus(Duration.ofDays(1)).isBefore(now)) {
            return "request.guard.token";
        }
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
