package cn.gongkai.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

@Configuration(proxyBeanMethods = false)
@EnableAsync
class PlatformConfiguration implements WebMvcConfigurer {

    private final ShellInterceptor shell;

    PlatformConfiguration(ShellInterceptor shell) {
        this.shell = shell;
    }

    @Bean
    static Clock clock() {
        return new PlatformClock(Clock.systemUTC());
    }

    /**
     * Bean Validation's "now" ({@code @PastOrPresent}, {@code @Future}…) is China's, like every date the forms offer:
     * otherwise, on a server running in UTC, today's date is refused as "in the future" before 08:00 Beijing time.
     */
    @Bean
    static ValidationConfigurationCustomizer chinaValidationClock(Clock clock) {
        Clock china = clock.withZone(ZoneId.of("Asia/Shanghai"));
        return configuration -> configuration.clockProvider(() -> china);
    }

    /** The UI speaks zh-CN; the bundle is messages.properties. */
    @Bean
    static LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(shell).excludePathPatterns("/api/**", "/css/**", "/js/**", "/img/**");
    }
}
