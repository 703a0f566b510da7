package cn.gongkai.request;

import cn.gongkai.platform.PersonalDataCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} of the intake API: the same key from the same API client within 24 hours answers what
 * the first call answered, and receives nothing again. The key is claimed by inserting its row before the work, in the
 * work's transaction: a concurrent call with the same key waits on the primary key until the first commits, then
 * replays its answer (or, if the first rolled back, does the work itself). The answer holds the query code, so it is
 * stored SM4-encrypted; the body's fingerprint is a keyed hash, so it reveals nothing of the applicant.
 */
@Service
class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 128;
    static final Duration KEPT = Duration.ofHours(24);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    IdempotencyKeys(JdbcTemplate jdbc, PersonalDataCipher cipher, Clock clock, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.transaction = new TransactionTemplate(tx);
    }

    /** An answer as it is sent and replayed: the HTTP status and the JSON body. */
    record Answer(int status, Map<String, Object> body) {
    }

    /** The key came back with another body: refused, nothing received. */
    static class KeyReused extends RuntimeException {
    }

    /** 1 to 128 visible ASCII characters (RFC 9110 token-like; no spaces, no control characters). */
    static boolean wellFormed(String key) {
        return key != null && !key.isEmpty() && key.length() <= MAX_LENGTH
                && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    /** A keyed hash of everything the body says, in a fixed order; equal bodies give equal fingerprints. */
    String fingerprint(List<?> parts) {
        StringBuilder canonical = new StringBuilder();
        parts.forEach(p -> canonical.append(p).append('\u001f'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            // Hex survives the cipher's normalisation (upper case) unchanged; the HMAC keeps the body unguessable.
            return cipher.lookupHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Does {@code work} once per key: the first call runs it and keeps its answer, later calls with the same key and
     * fingerprint get that answer; with another fingerprint, {@link KeyReused}. An exception from {@code work} rolls
     * the claim back, so the key may be used again.
     */
    Answer once(Long agencyId, String client, String key, String fingerprint, Supplier<Answer> work) {
        purgeExpired();
        return transaction.execute(status -> {
            Instant now = Instant.now(clock);
            jdbc.update("delete from idempotency_key where agency_id = ? and client = ? and idem_key = ? "
                    + "and created_at < ?", agencyId, client, key, Timestamp.from(now.minus(KEPT)));
            int claimed = jdbc.update("insert into idempotency_key (agency_id, client, idem_key, fingerprint, "
                    + "created_at) values (?, ?, ?, ?, ?) on conflict do nothing", agencyId, client, key, fingerprint,
                    Timestamp.from(now));
            if (claimed == 1) {
                Answer answer = work.get();
                jdbc.update("update idempotency_key set answer_status = ?, answer_cipher = ? where agency_id = ? "
                        + "and client = ? and idem_key = ?", answer.status(),
                        cipher.encrypt(JSON.writeValueAsString(answer.body())), agencyId, client, key);
                return answer;
            }
            Map<String, Object> row = jdbc.queryForMap("select fingerprint, answer_status, answer_cipher "
                    + "from idempotency_key where agency_id = ? and client = ? and idem_key = ?", agencyId, client, key);
            if (!fingerprint.equals(row.get("fingerprint"))) {
                throw new KeyReused();
            }
            Map<String, Object> body = JSON.readValue(cipher.decrypt((String) row.get("answer_cipher")),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            return new Answer(((Number) row.get("answer_status")).intValue(), body);
        });
    }

    /** Keys older than a day answer nothing any more: their rows go, at most once a minute per node. */
    private void purgeExpired() {
        Instant now = Instant.now(clock);
        Instant last = lastPurge.get();
        if (last.plus(Duration.ofMinutes(1)).isBefore(now) && lastPurge.compareAndSet(last, now)) {
            jdbc.update("delete from idempotency_key where created_at < ?", Timestamp.from(now.minus(KEPT)));
        }
    }
}
