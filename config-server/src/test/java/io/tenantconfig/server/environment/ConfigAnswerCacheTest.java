package io.tenantconfig.server.environment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigAnswerCacheTest {

    private static final String SHARED = "{\"name\":\"application\",\"source\":{" + "\"k\":\"v\",".repeat(40)
            + "\"last\":\"x\"}}]}";

    private final ConfigAnswerCache cache = new ConfigAnswerCache(1024 * 1024, Duration.ofMinutes(10));

    @Test
    void keptAnswerIsReplayedByteForByte() {
        byte[] body = answer("acme");
        cache.store("acme", "/acme/default", "application/json", body, "/{name}/{profiles}", cache.generation());

        ConfigAnswerCache.Answer kept = cache.find("acme", "/acme/default");

        assertThat(kept.body()).isEqualTo(body);
        assertThat(kept.length()).isEqualTo(body.length);
        assertThat(kept.contentType()).isEqualTo("application/json");
        assertThat(kept.pattern()).isEqualTo("/{name}/{profiles}");
    }

    @Test
    void answersWithTheSameSharedEndingHoldItOnce() {
        store("acme");
        store("globex");
        store("initech");

        ConfigAnswerCache.Answer acme = cache.find("acme", "/acme/default");
        ConfigAnswerCache.Answer globex = cache.find("globex", "/globex/default");
        ConfigAnswerCache.Answer initech = cache.find("initech", "/initech/default");

        assertThat(acme.tail()).as("the first answer has nothing to compare with").isNull();
        assertThat(globex.tail()).isNotNull();
        assertThat(initech.tail()).isSameAs(globex.tail());
        assertThat(globex.tail().length).isGreaterThanOrEqualTo(SHARED.length());
        assertThat(initech.body()).isEqualTo(answer("initech"));
        assertThat(globex.body()).isEqualTo(answer("globex"));
        assertThat(initech.head().length).isEqualTo(answer("initech").length - initech.tail().length);
    }

    @Test
    void shortCommonEndingsAreNotShared() {
        byte[] a = "{\"name\":\"a\",\"x\":\"1\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"name\":\"b\",\"x\":\"1\"}]}".getBytes(StandardCharsets.UTF_8);
        cache.store("a", "/a/default", "application/json", a, null, cache.generation());
        cache.store("b", "/b/default", "application/json", b, null, cache.generation());

        assertThat(cache.find("b", "/b/default").tail()).isNull();
        assertThat(cache.find("b", "/b/default").body()).isEqualTo(b);
    }

    @Test
    void anAnswerWrittenAcrossAnEvictionOfItsTenantIsNotKept() {
        long generation = cache.generation();
        cache.evict("acme");
        cache.store("acme", "/acme/default", "application/json", answer("acme"), null, generation);

        assertThat(cache.find("acme", "/acme/default")).isNull();
    }

    @Test
    void anAnswerWrittenAcrossAnEvictionOfAnotherTenantIsNotKeptEither() {
        // the counter is global: conservative, the answer is simply written again next time
        long generation = cache.generation();
        cache.evict("globex");
        cache.store("acme", "/acme/default", "application/json", answer("acme"), null, generation);

        assertThat(cache.find("acme", "/acme/default")).isNull();
    }

    @Test
    void evictionForgetsOnlyThatTenant() {
        store("acme");
        store("globex");

        cache.evict("acme");

        assertThat(cache.find("acme", "/acme/default")).isNull();
        assertThat(cache.find("globex", "/globex/default")).isNotNull();
    }

    @Test
    void evictAllForgetsEveryTenant() {
        store("acme");
        store("globex");

        cache.evictAll();

        assertThat(cache.find("acme", "/acme/default")).isNull();
        assertThat(cache.find("globex", "/globex/default")).isNull();
    }

    @Test
    void eachRequestOfATenantIsKeptApart() {
        store("acme");
        byte[] v2 = answer("acme-v2");
        cache.store("acme", "/acme/default\napplication/vnd.spring-cloud-config-server.v2+json",
                "application/vnd.spring-cloud-config-server.v2+json", v2, null, cache.generation());

        assertThat(cache.find("acme", "/acme/default").body()).isEqualTo(answer("acme"));
        assertThat(cache.find("acme", "/acme/default\napplication/vnd.spring-cloud-config-server.v2+json").body())
            .isEqualTo(v2);
    }

    @Test
    void theByteBoundEvictsAnswers() {
        ConfigAnswerCache small = new ConfigAnswerCache(64 * 1024, Duration.ofMinutes(10));
        for (int i = 0; i < 1_000; i++) {
            small.store("t" + i, "/t" + i + "/default", "application/json", answer("t" + i), null,
                    small.generation());
        }
        small.cache().cleanUp();

        assertThat(small.cache().estimatedSize()).isBetween(1L, 999L);
        assertThat(small.estimatedBytes()).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void pathsThatCanBeReplayed() {
        assertThat(ConfigAnswerFilter.applicationOf("/acme/default")).isEqualTo("acme");
        assertThat(ConfigAnswerFilter.applicationOf("/acme/dev,cloud/main")).isEqualTo("acme");
        assertThat(ConfigAnswerFilter.applicationOf("/acme")).isNull();
        assertThat(ConfigAnswerFilter.applicationOf("/acme/default/main/x")).isNull();
        assertThat(ConfigAnswerFilter.applicationOf("/acme//default")).isNull();
        assertThat(ConfigAnswerFilter.applicationOf("/acme/default/")).isNull();
        assertThat(ConfigAnswerFilter.applicationOf("/acme/de%2Ffault")).isNull();
        assertThat(ConfigAnswerFilter.applicationOf("/acme/default/feature(_)x")).isNull();
        assertThat(ConfigAnswerFilter.applicationOf("/" + "a".repeat(300) + "/default")).isNull();
    }

    private void store(String tenant) {
        cache.store(tenant, "/" + tenant + "/default", "application/json", answer(tenant), null, cache.generation());
    }

    private static byte[] answer(String tenant) {
        return ("{\"name\":\"" + tenant + "\",\"propertySources\":[{\"name\":\"" + tenant + "\",\"source\":{\"p\":\""
                + tenant + "-phone\"}}," + SHARED).getBytes(StandardCharsets.UTF_8);
    }
}
