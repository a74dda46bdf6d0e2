package io.tenantconfig.server.security;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Development tokens: the issuer always exists; the controller refuses to use it unless enabled. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DevTokenProperties.class)
class DevTokenConfiguration {

    @Bean
    DevTokenIssuer devTokenIssuer(JwtProperties jwt) {
        return new DevTokenIssuer(jwt, Clock.systemUTC());
    }
}
