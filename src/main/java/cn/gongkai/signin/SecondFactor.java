package cn.gongkai.signin;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account's enrolled TOTP secret (stored encrypted) and the last time step used, so that a code is good once. */
@Entity
@Table(name = "second_factor")
class SecondFactor {

    @Id
    private Long userId;
    private String secret;
    private Instant enrolledAt;
    private long lastStep;

    protected SecondFactor() {
    }

    SecondFactor(Long userId, String encryptedSecret, Instant enrolledAt, long step) {
        this.userId = userId;
        this.secret = encryptedSecret;
        this.enrolledAt = enrolledAt;
        this.lastStep = step;
    }

    Long getUserId() {
        return userId;
    }

    String getSecret() {
        return secret;
    }

    long getLastStep() {
        return lastStep;
    }

    void used(long step) {
        this.lastStep = step;
    }
}
