package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

class PersonalDataConfigurationTest {

    private static final String OWN_KEY = "Vb0Qm2xK7eTzR4nH9sLcWg==";

    @Test
    void withoutAKeyOutsideDemoModeTheStartIsRefusedSayingWhatToSetAndHowToMakeAKey() {
        for (String missing : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> PersonalDataConfiguration.cipher(missing, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("GONGKAI_PERSONAL_DATA_KEY")
                    .hasMessageContaining("gongkai.crypto.personal-data-key")
                    .hasMessageContaining("openssl rand -base64 16");
        }
    }

    @Test
    void theDemoKeyIsRefusedOutsideDemoModeInEitherForm() {
        String demoHex = HexFormat.of().formatHex(Base64.getDecoder().decode(PersonalDataConfiguration.DEMO_KEY));
        for (String demo : new String[] {PersonalDataConfiguration.DEMO_KEY, demoHex}) {
            assertThatThrownBy(() -> PersonalDataConfiguration.cipher(demo, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is the demo key")
                    .hasMessageContaining("GONGKAI_PERSONAL_DATA_KEY")
                    .hasMessageContaining("openssl rand -base64 16");
        }
    }

    @Test
    void theDemoKeyIsAcceptedInDemoMode() {
        PersonalDataCipher cipher = PersonalDataConfiguration.cipher(PersonalDataConfiguration.DEMO_KEY, true);
        assertThat(cipher.decrypt(cipher.encrypt("13800138000"))).isEqualTo("13800138000");
    }

    @Test
    void anOwnKeyIsAcceptedOutsideDemoModeAndIsTheKeyUsed() {
        PersonalDataCipher configured = PersonalDataConfiguration.cipher(OWN_KEY, false);
        assertThat(PersonalDataCipher.fromKey(OWN_KEY).decrypt(configured.encrypt("张三"))).isEqualTo("张三");
    }

    @Test
    void anInvalidKeyIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> PersonalDataConfiguration.cipher("too-short", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gongkai.crypto.personal-data-key")
                .hasMessageNotContaining("too-short");
    }

    @Test
    void theDemoAndTestProfilesConfigureTheDemoKeyAndTheDefaultProfileOnlyTheEnvironmentVariable() {
        assertThat(yaml("application-demo.yml").getProperty(PersonalDataCipher.KEY_PROPERTY))
                .isEqualTo(PersonalDataConfiguration.DEMO_KEY);
        assertThat(yaml("application-test.yml").getProperty(PersonalDataCipher.KEY_PROPERTY))
                .isEqualTo(PersonalDataConfiguration.DEMO_KEY);
        assertThat(yaml("application.yml").getProperty(PersonalDataCipher.KEY_PROPERTY))
                .isEqualTo("${GONGKAI_PERSONAL_DATA_KEY:}");
    }

    private static java.util.Properties yaml(String name) {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new ClassPathResource(name));
        return factory.getObject();
    }
}
