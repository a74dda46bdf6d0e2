package io.tenantconfig.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Serves the tenant admin web page from {@code classpath:static/ui/} at {@code /ui/}. The config protocol's
 * own mappings ({@code /{application}/{profiles}}, {@code /{application}/{profile}/{label}}) would otherwise
 * answer {@code /ui/index.html} as "application ui, profile index.html", so the page's files get a handler
 * mapping that is consulted before the controllers. Only the page's file patterns are claimed here; other
 * {@code /ui/...} paths fall through to {@link WebPageController} or, failing that, to the config protocol.
 */
@Configuration(proxyBeanMethods = false)
public class WebPageConfiguration {

    static final String LOCATION = "static/ui/";

    /**
     * Exactly the paths the page's own handlers answer, for the security rules to open without credentials.
     * Not {@code /ui/**}: that would also open the config protocol for an application named {@code ui}
     * ({@code /ui/default} carries the shared defaults and the server's own fallback credentials).
     */
    public static final String[] PUBLIC_PATHS = { "/ui", "/ui/", "/ui/*.html", "/ui/css/**", "/ui/js/**",
            WebPageController.SETTINGS_PATH };

    /** URL pattern → the classpath folder it is served from (patterns relative to that folder). */
    private static final Map<String, String> FILES = Map.of(
            "/ui/*.html", LOCATION,
            "/ui/css/**", LOCATION + "css/",
            "/ui/js/**", LOCATION + "js/");

    @Bean
    SimpleUrlHandlerMapping webPageFilesMapping() {
        Map<String, Object> handlers = new LinkedHashMap<>();
        FILES.forEach((pattern, folder) -> handlers.put(pattern, filesFrom(folder)));
        return new SimpleUrlHandlerMapping(handlers, Ordered.HIGHEST_PRECEDENCE);
    }

    private static ResourceHttpRequestHandler filesFrom(String folder) {
        ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
        handler.setLocations(List.of(new ClassPathResource(folder)));
        try {
            handler.afterPropertiesSet();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot serve the web page from classpath:" + folder, ex);
        }
        return handler;
    }
}
