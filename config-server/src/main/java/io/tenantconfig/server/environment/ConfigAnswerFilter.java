package io.tenantconfig.server.environment;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.cloud.config.server.environment.EnvironmentController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The hot read path: replays a config answer ({@code GET /{tenant}/{profiles}[/{label}]}, JSON) that Spring Cloud
 * Config's {@link EnvironmentController} wrote earlier for the same path and {@code Accept} header, without running
 * Spring MVC, the backend or the JSON writer again. Runs after Spring Security (the caller is authenticated and
 * authorised as on any config path) and asks the backend's own access rule before replaying.
 * <p>
 * Nothing here decides what an answer is: a request that misses is answered by the controller through
 * {@link ConfigAnswerWriter} when Spring MVC's own routing picks the controller's plain JSON method for it, or else
 * goes down the normal chain; its answer is kept only when it came from one of the controller's JSON methods and
 * was 200. Since routing depends only on the method, path and {@code Accept}, the same request is routed the same
 * way next time.
 */
public class ConfigAnswerFilter extends OncePerRequestFilter {

    /** The controller's JSON methods (plain and origin-tracking), with and without a label in the path. */
    private static final Set<String> JSON_METHODS = Set.of("defaultLabel", "defaultLabelIncludeOrigin", "labelled",
            "labelledIncludeOrigin");

    /** Larger answers are served but not kept, so one tenant with a huge configuration cannot flush the cache. */
    static final int MAX_KEPT_ANSWER = 1024 * 1024;

    private final ConfigAnswerCache answers;

    private final TenantAccessEnvironmentRepository access;

    private final ConfigAnswerWriter writer;

    ConfigAnswerFilter(ConfigAnswerCache answers, TenantAccessEnvironmentRepository access, ConfigAnswerWriter writer) {
        this.answers = answers;
        this.access = access;
        this.writer = writer;
    }

    /** Only a plain GET of two or three simple path segments, without a query, can be a replayable answer. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getQueryString() != null
                || applicationOf(pathOf(request)) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = pathOf(request);
        String application = applicationOf(path);
        String key = requestKey(path, request.getHeader("Accept"));
        ConfigAnswerCache.Answer answer = answers.find(application, key);
        if (answer != null && access.mayRead(application)) {
            replay(answer, request, response);
            return;
        }
        long generation = answers.generation();
        ConfigAnswerWriter.Written written = writer.write(request, response, application);
        if (written == ConfigAnswerWriter.Written.ANSWERED_WITHOUT_BODY) {
            return;
        }
        if (written != null) {
            if (written.body().length <= MAX_KEPT_ANSWER) {
                answers.store(application, key, written.contentType(), written.body(), written.pattern(), generation);
            }
            send(response, written.contentType(), written.body(), null);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        if (isJsonAnswerOf(request, application) && captured.getStatus() == HttpServletResponse.SC_OK
                && captured.getContentType() != null && captured.getContentSize() <= MAX_KEPT_ANSWER) {
            answers.store(application, key, captured.getContentType(), captured.getContentAsByteArray(),
                    patternOf(request), generation);
        }
        captured.copyBodyToResponse();
    }

    private static void replay(ConfigAnswerCache.Answer answer, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        // the pattern the controller matched, so http.server.requests tags the replay as it tagged the original
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, answer.pattern());
        send(response, answer.contentType(), answer.head(), answer.tail());
    }

    private static void send(HttpServletResponse response, String contentType, byte[] head, byte[] tail)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setContentLength(head.length + (tail == null ? 0 : tail.length));
        ServletOutputStream out = response.getOutputStream();
        out.write(head);
        if (tail != null) {
            out.write(tail);
        }
    }

    /** Whether the normal chain answered this request from one of the controller's JSON methods for this tenant. */
    private static boolean isJsonAnswerOf(HttpServletRequest request, String application) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)
                || !EnvironmentController.class.isAssignableFrom(handler.getBeanType())
                || !JSON_METHODS.contains(handler.getMethod().getName())) {
            return false;
        }
        return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && application.equals(variables.get("name"));
    }

    private static String patternOf(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? null : pattern.toString();
    }

    private static String requestKey(String path, String accept) {
        return accept == null ? path : path + '\n' + accept;
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context.isEmpty() ? uri : uri.substring(context.length());
    }

    /**
     * The first segment of {@code /a/b} or {@code /a/b/c} when every segment holds only letters, digits,
     * {@code - _ . ,}; otherwise {@code null}. Encoded, dotted-file and {@code (_)} paths take the normal chain.
     */
    static String applicationOf(String path) {
        if (path.length() < 4 || path.charAt(0) != '/' || path.length() > 256) {
            return null;
        }
        int segments = 1;
        int firstEnd = -1;
        char previous = '/';
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                if (previous == '/') {
                    return null;
                }
                if (firstEnd < 0) {
                    firstEnd = i;
                }
                segments++;
            }
            else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == ',')) {
                return null;
            }
            previous = c;
        }
        if (previous == '/' || segments < 2 || segments > 3) {
            return null;
        }
        return path.substring(1, firstEnd);
    }
}
