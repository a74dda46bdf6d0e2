package io.tenantconfig.server.crypto;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionProperties.class)
public class CryptoConfiguration {

    @Bean
    SecretCipher secretCipher(EncryptionProperties properties) {
        return SecretCipher.from(properties);
    }
}
