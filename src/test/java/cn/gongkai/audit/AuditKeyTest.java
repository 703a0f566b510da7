package cn.gongkai.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

class AuditKeyTest {

    private static final String OWN_KEY = "q3Jr8Vb0Qm2xK7eTzR4nH9sLcWgA1yPd5uF6oI2kZxE=";

    @Test
    void withoutAKeyOutsideDemoModeTheStartIsRefusedSayingWhatToSetAndHowToMakeAKey() {
        for (String missing : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> AuditKey.configured(missing, false)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No key for the audit log: set GONGKAI_AUDIT_KEY")
                    .hasMessageContaining("gongkai.crypto.audit-key")
                    .hasMessageContaining("openssl rand -base64 32");
        }
    }

    @Test
    void withoutAKeyEvenDemoModeRefusesToStart() {
        assertThatThrownBy(() -> AuditKey.configured("", true)).hasMessageContaining("GONGKAI_AUDIT_KEY");
    }

    @Test
    void theDemoKeyIsRefusedOutsideDemoModeInEitherFormAndAcceptedInDemoMode() {
        String demoHex = HexFormat.of().formatHex(Base64.getDecoder().decode(AuditKey.DEMO_KEY));
        for (String demo : new String[] {AuditKey.DEMO_KEY, demoHex}) {
            assertThatThrownBy(() -> AuditKey.configured(demo, false)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is the demo key").hasMessageContaining("GONGKAI_AUDIT_KEY");
            assertThat(AuditKey.configured(demo, true).isDemoKey()).isTrue();
        }
    }

    @Test
    void keysOf16To32BytesAreAcceptedAsBase64OrHexAndOthersRefusedWithoutQuotingThem() {
        assertThat(AuditKey.configured(OWN_KEY, false).isDemoKey()).isFalse();
        assertThat(AuditKey.configured("00112233445566778899aabbccddeeff", false).mac("x")).hasSize(64);
        for (String bad : new String[] {"too-short", "AAAAAAAAAAAAAAAAAAAA", "not base64 at all!"}) {
            assertThatThrownBy(() -> AuditKey.configured(bad, false)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("gongkai.crypto.audit-key").hasMessageNotContaining(bad);
        }
        byte[] thirtyThree = new byte[33];
        java.util.Arrays.fill(thirtyThree, (byte) 0xFF);
        String tooLong = Base64.getEncoder().encodeToString(thirtyThree);
        assertThatThrownBy(() -> AuditKey.configured(tooLong, false)).hasMessageContaining("16 to 32 bytes");
    }

    @Test
    void theMacIsHmacSm3DependsOnTheKeyAndIsVerifiedExactly() {
        AuditKey a = AuditKey.configured(OWN_KEY, false);
        AuditKey b = AuditKey.configured(AuditKey.DEMO_KEY, true);
        assertThat(a.mac("entry")).isNotEqualTo(b.mac("entry")).isEqualTo(a.mac("entry"));
        assertThat(a.verify("entry", a.mac("entry"))).isTrue();
        assertThat(a.verify("entry", b.mac("entry"))).isFalse();
        assertThat(a.verify("entry", null)).isFalse();
    }

    @Test
    void theDemoAndTestProfilesConfigureTheDemoKeyAndTheDefaultProfileOnlyTheEnvironmentVariable() {
        assertThat(yaml("application-demo.yml").getProperty(AuditKey.KEY_PROPERTY)).isEqualTo(AuditKey.DEMO_KEY);
        assertThat(yaml("application-test.yml").getProperty(AuditKey.KEY_PROPERTY)).isEqualTo(AuditKey.DEMO_KEY);
        assertThat(yaml("application.yml").getProperty(AuditKey.KEY_PROPERTY)).isEqualTo("${GONGKAI_AUDIT_KEY:}");
        assertThat(yaml("application.yml").getProperty("gongkai.audit.anchor-file"))
                .isEqualTo("./data/audit-anchors.log");
    }

    private static java.util.Properties yaml(String name) {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new ClassPathResource(name));
        return factory.getObject();
    }
}
