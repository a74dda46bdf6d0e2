package io.tenantconfig.server.environment;

import java.util.List;

import org.springframework.cloud.config.environment.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link CachedEnvironmentJsonConverter} right in front of the JSON converter that would otherwise write
 * {@link Environment} answers, wrapping that very converter so the replayed bytes are the ones it writes.
 */
class CachedEnvironmentJsonConfigurer implements WebMvcConfigurer {

    private final long maximumBytes;

    CachedEnvironmentJsonConfigurer(long maximumBytes) {
        this.maximumBytes = maximumBytes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            HttpMessageConverter<?> converter = converters.get(i);
            if (converter.canWrite(Environment.class, MediaType.APPLICATION_JSON)) {
                converters.add(i, new CachedEnvironmentJsonConverter((HttpMessageConverter<Object>) converter,
                        maximumBytes));
                return;
            }
        }
        throw new IllegalStateException("No JSON converter writes config environments; nothing to cache.");
    }
}
