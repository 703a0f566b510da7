package cn.gongkai.org;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountSecurityConfiguration {

    @Bean
    PasswordPolicy passwordPolicy(@Value("${gongkai.demo:false}") boolean demo) {
        return PasswordPolicy.load(demo);
    }
}
