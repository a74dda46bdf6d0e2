package io.tenantconfig.server.environment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cloud.config.environment.Environment;
import org.springframework.cloud.config.environment.PropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;

/**
 * Writes an {@link Environment} as JSON through the application's own JSON converter, and replays those bytes and
 * headers while the environment to write is still equal, field by field and value by value, to the one they were
 * written from. Spring Cloud Config hands the controller a fresh copy of the cached environment on every request
 * (its composite repository and its {@code {cipher}} decryptor copy every source), but the strings inside are the
 * ones {@link TenantEnvironmentCache} holds, so the comparison is mostly reference checks and far cheaper than
 * writing the JSON again. Nothing here needs invalidating: after NOTIFY, a local write, the overlapping-load guard
 * or the TTL made the environment cache load again, the next answer is compared with new values and written afresh.
 * Only writing is handled here; reading is left to the other converters.
 */
public class CachedEnvironmentJsonConverter implements HttpMessageConverter<Environment> {

    private final HttpMessageConverter<Object> delegate;

    private final Cache<Key, SerializedEnvironment> serialized;

    /**
     * @param maximumBytes bound on the held answers, weighed at twice their JSON size: an answer also keeps the
     *     values it was written from alive, which after a reload of that tenant are no longer the cached ones
     */
    public CachedEnvironmentJsonConverter(HttpMessageConverter<Object> delegate, long maximumBytes) {
        this.delegate = delegate;
        this.serialized = Caffeine.newBuilder()
            .maximumWeight(maximumBytes)
            .<Key, SerializedEnvironment>weigher((key, answer) -> 2 * answer.body().length)
            .build();
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return Environment.class.isAssignableFrom(clazz) && delegate.canWrite(clazz, mediaType);
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return delegate.getSupportedMediaTypes();
    }

    @Override
    public Environment read(Class<? extends Environment> clazz, HttpInputMessage inputMessage) {
        throw new UnsupportedOperationException("Environments are only written.");
    }

    @Override
    public void write(Environment environment, MediaType contentType, HttpOutputMessage outputMessage)
            throws IOException, HttpMessageNotWritableException {
        Key key = Key.of(environment, contentType);
        SerializedEnvironment answer = serialized.getIfPresent(key);
        if (answer == null || !answer.writtenFrom(environment)) {
            answer = serialize(environment, contentType);
            serialized.put(key, answer);
        }
        HttpHeaders headers = outputMessage.getHeaders();
        answer.headers().forEach((name, values) -> {
            if (!headers.containsHeader(name)) {
                headers.addAll(name, values);
            }
        });
        outputMessage.getBody().write(answer.body());
    }

    /** Whether the bytes held for this environment's name, profiles and label were written from equal content. */
    boolean holdsBytesFor(Environment environment, MediaType contentType) {
        SerializedEnvironment answer = serialized.getIfPresent(Key.of(environment, contentType));
        return answer != null && answer.writtenFrom(environment);
    }

    private SerializedEnvironment serialize(Environment environment, MediaType contentType) throws IOException {
        CapturedMessage captured = new CapturedMessage();
        delegate.write(environment, contentType, captured);
        return new SerializedEnvironment(Content.of(environment), HttpHeaders.copyOf(captured.getHeaders()),
                captured.body.toByteArray());
    }

    private record Key(String name, String label, List<String> profiles, MediaType contentType) {

        static Key of(Environment environment, MediaType contentType) {
            String[] profiles = environment.getProfiles();
            return new Key(environment.getName(), environment.getLabel(),
                    profiles == null ? null : Arrays.asList(profiles), contentType);
        }
    }

    private record SerializedEnvironment(Content content, HttpHeaders headers, byte[] body) {

        boolean writtenFrom(Environment environment) {
            return content.matches(environment);
        }
    }

    /**
     * Everything of an environment its JSON shows, holding the same objects (no copies): the top-level fields and,
     * per source, its name and its entries in order.
     */
    private record Content(String name, String[] profiles, String label, String version, String state,
            String[] sourceNames, Object[][] entries) {

        static Content of(Environment environment) {
            List<PropertySource> sources = environment.getPropertySources();
            String[] names = new String[sources.size()];
            Object[][] entries = new Object[sources.size()][];
            for (int i = 0; i < names.length; i++) {
                names[i] = sources.get(i).getName();
                Map<?, ?> source = sources.get(i).getSource();
                Object[] flat = new Object[source.size() * 2];
                int at = 0;
                for (Map.Entry<?, ?> entry : source.entrySet()) {
                    flat[at++] = entry.getKey();
                    flat[at++] = entry.getValue();
                }
                entries[i] = flat;
            }
            String[] profiles = environment.getProfiles();
            return new Content(environment.getName(), profiles == null ? null : profiles.clone(),
                    environment.getLabel(), environment.getVersion(), environment.getState(), names, entries);
        }

        /** Equal objects compare by reference first, so an unchanged cached environment costs a walk of pointers. */
        boolean matches(Environment environment) {
            List<PropertySource> sources = environment.getPropertySources();
            if (!Objects.equals(name, environment.getName()) || !Arrays.equals(profiles, environment.getProfiles())
                    || !Objects.equals(label, environment.getLabel())
                    || !Objects.equals(version, environment.getVersion())
                    || !Objects.equals(state, environment.getState()) || sources.size() != sourceNames.length) {
                return false;
            }
            for (int i = 0; i < sourceNames.length; i++) {
                if (!Objects.equals(sourceNames[i], sources.get(i).getName())
                        || !sameEntries(entries[i], sources.get(i).getSource())) {
                    return false;
                }
            }
            return true;
        }

        private static boolean sameEntries(Object[] flat, Map<?, ?> source) {
            if (source.size() * 2 != flat.length) {
                return false;
            }
            int at = 0;
            for (Map.Entry<?, ?> entry : source.entrySet()) {
                if (!Objects.equals(flat[at++], entry.getKey()) || !Objects.equals(flat[at++], entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class CapturedMessage implements HttpOutputMessage {

        private final HttpHeaders headers = new HttpHeaders();

        private final ByteArrayOutputStream body = new ByteArrayOutputStream(2048);

        @Override
        public OutputStream getBody() {
            return body;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
