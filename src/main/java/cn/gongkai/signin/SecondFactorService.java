package cn.gongkai.signin;

import cn.gongkai.org.AccountAccessRevoked;
import cn.gongkai.org.OrgDirectory;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffMember;
import cn.gongkai.org.StaffPrincipal;
import cn.gongkai.org.UserAccountChanged;
import cn.gongkai.platform.PersonalDataCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enrolment, verification and reset of the second factor; every step audited as an account change. */
@Service
@Transactional
class SecondFactorService {

    static final int RECOVERY_CODES = 10;
    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** What a code typed after the password proved. */
    enum Outcome { TOTP, RECOVERY_CODE, WRONG }

    private final SecondFactors factors;
    private final RecoveryCodes codes;
    private final PersonalDataCipher cipher;
    private final OrgDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<Role> requiredRoles;
    private final SecureRandom random = new SecureRandom();

    SecondFactorService(SecondFactors factors, RecoveryCodes codes, PersonalDataCipher cipher, OrgDirectory directory,
            ApplicationEventPublisher events, Clock clock,
            @Value("${gongkai.security.totp-required-roles:ADMIN,LEADER,SECRECY_REVIEWER}") Set<Role> requiredRoles) {
        this.factors = factors;
        this.codes = codes;
        this.cipher = cipher;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.requiredRoles = requiredRoles == null || requiredRoles.isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(requiredRoles);
    }

    /** Whether one of the account's roles requires a second factor ({@code gongkai.security.totp-required-roles}). */
    boolean required(StaffPrincipal who) {
        return who.roles().stream().anyMatch(requiredRoles::contains);
    }

    @Transactional(readOnly = true)
    boolean enrolled(Long userId) {
        return factors.existsById(userId);
    }

    /**
     * Confirms an enrolment: the code must match the new secret. Stores the secret encrypted and returns the ten
     * recovery codes, shown once; empty when the code is wrong.
     */
    List<String> enrol(StaffPrincipal who, byte[] secret, String code) {
        long step = Totp.step(Instant.now(clock).getEpochSecond());
        long matched = Totp.match(secret, strip(code), step, Long.MIN_VALUE);
        if (matched < 0) {
            audit(who, "SECOND_FACTOR_ENROL_FAILED");
            return List.of();
        }
        factors.deleteByUser(who.id());
        codes.deleteByUser(who.id());
        factors.save(new SecondFactor(who.id(), cipher.encrypt(Base64.getEncoder().encodeToString(secret)),
                Instant.now(clock), matched));
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String c = recoveryCode();
            plain.add(c);
            codes.save(new RecoveryCode(who.id(), hash(c)));
        }
        audit(who, "SECOND_FACTOR_ENROLLED");
        return plain;
    }

    /** Checks a code typed after the password: a current TOTP code, or an unused recovery code (then used up). */
    Outcome verify(StaffPrincipal who, String typed) {
        SecondFactor factor = factors.findById(who.id()).orElse(null);
        if (factor == null) {
            return Outcome.WRONG;
        }
        String code = strip(typed);
        byte[] secret = Base64.getDecoder().decode(cipher.decrypt(factor.getSecret()));
        long matched = Totp.match(secret, code, Totp.step(Instant.now(clock).getEpochSecond()), factor.getLastStep());
        if (matched >= 0) {
            factor.used(matched);
            return Outcome.TOTP;
        }
        if (code.length() == 10) {
            String h = hash(code);
            for (RecoveryCode rc : codes.findByUserId(who.id())) {
                if (!rc.isUsed() && MessageDigest.isEqual(rc.getCodeHash().getBytes(StandardCharsets.US_ASCII),
                        h.getBytes(StandardCharsets.US_ASCII))) {
                    rc.use(Instant.now(clock));
                    audit(who, "SECOND_FACTOR_RECOVERY_CODE_USED");
                    return Outcome.RECOVERY_CODE;
                }
            }
        }
        audit(who, "SECOND_FACTOR_FAILED");
        return Outcome.WRONG;
    }

    /**
     * An administrator removes an account's second factor (lost phone): the holder enrols again at the next sign-in,
     * and the account's sessions end.
     *
     * @return false when the account is not in the administrator's agency
     */
    boolean reset(StaffPrincipal admin, Long userId) {
        StaffMember member = directory.member(userId).orElse(null);
        if (member == null || !member.agencyId().equals(admin.agencyId())) {
            return false;
        }
        if (member.has(Role.SECURITY_ADMIN) || member.has(Role.AUDITOR)) {
            // Like their passwords: the accounts that watch the system administrator are out of its reach.
            throw new Guarded();
        }
        factors.deleteByUser(userId);
        codes.deleteByUser(userId);
        events.publishEvent(new UserAccountChanged(member.agencyId(), userId, member.username(),
                "SECOND_FACTOR_RESET", null, null));
        events.publishEvent(new AccountAccessRevoked(userId, member.username(), "second factor reset"));
        return true;
    }

    private void audit(StaffPrincipal who, String action) {
        events.publishEvent(new UserAccountChanged(who.agencyId(), who.id(), who.getUsername(), action, null, null));
    }

    private String recoveryCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return sb.substring(0, 5) + "-" + sb.substring(5);
    }

    /** Digits and letters only, lower case: "abcde-fghjk", "ABCDE FGHJK" and "123 456" are read alike. */
    static String strip(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(strip(code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The second factor of a security administrator or an auditor is not the system administrator's to reset. */
    static final class Guarded extends RuntimeException {
        Guarded() {
            super(null, null, false, false);
        }
    }
}
