package cn.gongkai.platform;

import cn.gongkai.org.StartupRefused;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link PersonalDataCipher} from {@value PersonalDataCipher#KEY_PROPERTY} ({@value PersonalDataCipher#KEY_ENV}).
 * Outside demo mode the application refuses to start without a key, with an invalid key, or with the demo key.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    /**
     * The development key of the {@code demo} profile and the tests ({@code application-demo.yml},
     * {@code application-test.yml}). Public in this repository, so refused outside demo mode.
     */
    static final String DEMO_KEY = "DemoOnlyNotForProductA==";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(@Value("${" + PersonalDataCipher.KEY_PROPERTY + ":}") String key,
            @Value("${gongkai.demo:false}") boolean demo) {
        return cipher(key, demo);
    }

    /** The rules, without Spring. */
    static PersonalDataCipher cipher(String key, boolean demo) {
        if (key == null || key.isBlank()) {
            throw new StartupRefused("No key for personal data: Gongkai encrypts ID and phone numbers and will not "
                    + "start without the key.", "Set " + PersonalDataCipher.KEY_ENV + " (property "
                    + PersonalDataCipher.KEY_PROPERTY + ") to a 128-bit key, 16 bytes as base64 or 32 hex digits, and "
                    + "keep it outside the database and its backups (without it the stored ID and phone numbers "
                    + "cannot be read). " + PersonalDataCipher.KEY_HOWTO);
        }
        byte[] bytes;
        try {
            bytes = PersonalDataCipher.parseKey(key);
        } catch (IllegalArgumentException e) {
            throw new StartupRefused(e.getMessage(), "", e);
        }
        boolean isDemoKey = MessageDigest.isEqual(bytes, PersonalDataCipher.parseKey(DEMO_KEY));
        if (isDemoKey && !demo) {
            throw new StartupRefused(PersonalDataCipher.KEY_PROPERTY + " (" + PersonalDataCipher.KEY_ENV
                    + ") is the demo key, which is published with the source code. Gongkai refuses to start outside "
                    + "demo mode with it.", "Set a key of your own. " + PersonalDataCipher.KEY_HOWTO);
        }
        if (isDemoKey) {
            log.warn("Personal data is encrypted with the public demo key ({}): demo data only",
                    PersonalDataCipher.KEY_PROPERTY);
        }
        return new PersonalDataCipher(bytes);
    }
}
