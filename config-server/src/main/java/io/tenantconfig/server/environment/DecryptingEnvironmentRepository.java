package io.tenantconfig.server.environment;

import java.util.LinkedHashMap;
import java.util.Map;

import io.tenantconfig.server.crypto.SecretCipher;

import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.environment.PropertySource;
import org.springframework.cloud.config.server.environment.EnvironmentRepository;

/** Decrypts {@code enc:v1:} values; sits under the cache so each value is decrypted once per cache fill. */
public class DecryptingEnvironmentRepository implements EnvironmentRepository {

    private final EnvironmentRepository delegate;

    private final SecretCipher cipher;

    public DecryptingEnvironmentRepository(EnvironmentRepository delegate, SecretCipher cipher) {
        this.delegate = delegate;
        this.cipher = cipher;
    }

    @Override
    public Environment findOne(String application, String profile, String label) {
        return findOne(application, profile, label, false);
    }

    @Override
    public Environment findOne(String application, String profile, String label, boolean includeOrigin) {
        Environment stored = delegate.findOne(application, profile, label, includeOrigin);
        Environment decrypted = new Environment(stored.getName(), stored.getProfiles(), stored.getLabel(),
                stored.getVersion(), stored.getState());
        for (PropertySource source : stored.getPropertySources()) {
            decrypted.add(decrypt(source, application));
        }
        return decrypted;
    }

    /** A source without ciphertext is kept as it is, so shared layers stay one object across cached tenants. */
    private PropertySource decrypt(PropertySource source, String application) {
        Map<?, ?> stored = source.getSource();
        boolean encrypted = stored.values()
            .stream()
            .anyMatch(value -> value instanceof String text && SecretCipher.isEncrypted(text));
        if (!encrypted) {
            return source;
        }
        Map<Object, Object> values = new LinkedHashMap<>();
        stored.forEach((key, value) -> values.put(key,
                value instanceof String text ? cipher.decrypt(text, application) : value));
        return new PropertySource(source.getName(), values);
    }
}
