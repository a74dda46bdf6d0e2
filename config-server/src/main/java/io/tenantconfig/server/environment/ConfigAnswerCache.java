package io.tenantconfig.server.environment;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The config protocol's JSON answers as the server wrote them, per tenant, bounded by bytes. {@link ConfigAnswerFilter}
 * replays them without running Spring MVC or the backend again; {@link TenantEnvironmentCache} evicts them together
 * with the environments they were written from.
 * <p>
 * Every answer ends with the same shared layers ({@code application}, {@code environment}), often a third of its
 * bytes. An answer is kept as its own head plus one of a few shared tails, found by comparing answers byte for byte,
 * so the shared bytes are held once however many tenants are cached, and the replayed bytes are always exactly the
 * ones written.
 */
public class ConfigAnswerCache {

    /** Bytes a tail must have to be worth sharing; shorter common endings are kept in the answers themselves. */
    static final int MIN_TAIL = 128;

    private static final int TAILS = 8;

    /** Per answer beyond its head: key strings, records, map node. Keeps the byte bound honest for small answers. */
    private static final int ENTRY_OVERHEAD = 160;

    /** Per tenant beyond its answers: the tenant key string, the cache's node and the answers' map and record. */
    private static final int TENANT_OVERHEAD = 200;

    private final Cache<String, Answers> byApplication;

    /** Counts evictions: an answer written while one happened may predate the change it announces (not kept). */
    private final AtomicLong evictions = new AtomicLong();

    /** Answers stored before this eviction count predate the last {@link #evictAll()} and are not served. */
    private volatile long clearedAt;

    private final AtomicReferenceArray<byte[]> tails = new AtomicReferenceArray<>(TAILS);

    private final AtomicLong nextTail = new AtomicLong();

    /** The last answer that matched no tail; the next such answer is compared with it to find a new one. */
    private volatile byte[] unmatched;

    /**
     * @param timeToLive the same safety-net expiry as the environment cache's, for a change whose NOTIFY was lost
     */
    public ConfigAnswerCache(long maximumBytes, Duration timeToLive) {
        this.byApplication = Caffeine.newBuilder()
            .maximumWeight(maximumBytes)
            .expireAfterWrite(timeToLive)
            .weigher((String application, Answers answers) -> TENANT_OVERHEAD + answers.weight())
            .recordStats()
            .build();
    }

    public Cache<String, ?> cache() {
        return byApplication;
    }

    /** Read before producing an answer, handed back to {@link #store}. */
    long generation() {
        return evictions.get();
    }

    Answer find(String application, String request) {
        Answers answers = byApplication.getIfPresent(application);
        if (answers == null) {
            return null;
        }
        Answer answer = answers.byRequest().get(request);
        return answer == null || answer.generation() < clearedAt ? null : answer;
    }

    /**
     * Keeps an answer unless an eviction happened since {@code generation} was read; checked under the tenant's
     * entry lock, so an eviction either sees this answer (and drops it) or this store sees the eviction.
     */
    void store(String application, String request, String contentType, byte[] body, String pattern,
            long generation) {
        Answer answer = split(contentType, body, pattern, generation);
        byApplication.asMap().compute(application, (key, answers) -> {
            if (evictions.get() != generation) {
                return answers;
            }
            return (answers == null ? Answers.EMPTY : answers).with(request, answer);
        });
    }

    public void evict(String application) {
        evictions.incrementAndGet();
        byApplication.invalidate(application);
    }

    public void evictAll() {
        clearedAt = evictions.incrementAndGet();
        byApplication.invalidateAll();
    }

    long estimatedBytes() {
        return byApplication.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    private Answer split(String contentType, byte[] body, String pattern, long generation) {
        for (int i = 0; i < TAILS; i++) {
            byte[] tail = tails.get(i);
            if (tail != null && endsWith(body, tail)) {
                return new Answer(contentType, Arrays.copyOf(body, body.length - tail.length), tail, pattern,
                        generation);
            }
        }
        byte[] previous = unmatched;
        int common = previous == null ? 0 : commonEnding(previous, body);
        if (common < MIN_TAIL || common == body.length) {
            unmatched = body;
            return new Answer(contentType, body, null, pattern, generation);
        }
        byte[] tail = Arrays.copyOfRange(body, body.length - common, body.length);
        tails.set((int) (nextTail.getAndIncrement() % TAILS), tail);
        return new Answer(contentType, Arrays.copyOf(body, body.length - common), tail, pattern, generation);
    }

    private static boolean endsWith(byte[] body, byte[] tail) {
        return tail.length < body.length
                && Arrays.equals(body, body.length - tail.length, body.length, tail, 0, tail.length);
    }

    private static int commonEnding(byte[] a, byte[] b) {
        int common = 0;
        int max = Math.min(a.length, b.length);
        while (common < max && a[a.length - 1 - common] == b[b.length - 1 - common]) {
            common++;
        }
        return common;
    }

    /**
     * One written answer: its own bytes, then the shared tail (if any).
     * @param pattern the controller mapping that wrote it, for request metrics
     */
    record Answer(String contentType, byte[] head, byte[] tail, String pattern, long generation) {

        int length() {
            return head.length + (tail == null ? 0 : tail.length);
        }

        byte[] body() {
            if (tail == null) {
                return head;
            }
            byte[] body = Arrays.copyOf(head, length());
            System.arraycopy(tail, 0, body, head.length, tail.length);
            return body;
        }
    }

    /** A tenant's answers by request; replaced, never changed, so readers need no lock. */
    private record Answers(Map<String, Answer> byRequest, int weight) {

        static final Answers EMPTY = new Answers(Map.of(), 0);

        Answers with(String request, Answer answer) {
            Map<String, Answer> copy = new HashMap<>(byRequest);
            Answer replaced = copy.put(request, answer);
            int delta = weightOf(request, answer) - (replaced == null ? 0 : weightOf(request, replaced));
            return new Answers(Map.copyOf(copy), weight + delta);
        }

        private static int weightOf(String request, Answer answer) {
            return answer.head().length + 2 * request.length() + ENTRY_OVERHEAD;
        }
    }
}
