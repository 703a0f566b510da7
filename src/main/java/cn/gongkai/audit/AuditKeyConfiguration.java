package cn.gongkai.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link AuditKey} from {@value AuditKey#KEY_PROPERTY} ({@value AuditKey#KEY_ENV}). Outside demo mode the
 * application refuses to start without a key, with an invalid key, or with the demo key.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditKeyConfiguration.class);

    @Bean
    AuditKey auditKey(@Value("${" + AuditKey.KEY_PROPERTY + ":}") String key,
            @Value("${gongkai.demo:false}") boolean demo) {
        AuditKey auditKey = AuditKey.configured(key, demo);
        if (auditKey.isDemoKey()) {
            log.warn("The audit log is signed with the public demo key ({}): demo data only", AuditKey.KEY_PROPERTY);
        }
        return auditKey;
    }
}
