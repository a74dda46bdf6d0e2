package io.tenantconfig.server.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one server configuration every integration test shares, so Spring caches a single context (and the shared
 * {@link TestDatabase} and {@link MetaStub}) for the whole run. Do not add per-class properties: that starts
 * another context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tenant-config.encryption.key=" + TestKeys.ENCRYPTION_KEY,
        "spring.security.user.password=" + TestKeys.SERVICE_PASSWORD,
        "tenant-config.security.jwt.hmac-secret=" + TestKeys.JWT_SECRET,
        "whatsapp.access-token=env-access-token",
        "whatsapp.phone-number-id=env-phone-number-id",
        "whatsapp.waba-id=env-waba-id",
        "whatsapp.api-version=v21.0" })
@ContextConfiguration(initializers = { TestDatabase.class, MetaStub.class })
public @interface TenantConfigServerTest {
}
