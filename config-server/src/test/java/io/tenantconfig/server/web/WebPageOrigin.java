package io.tenantconfig.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.tenantconfig.server.support.MetaStub;

/**
 * The address the browser tests open the page at. Meta's redirect URIs are checked against an allow-list that
 * is fixed when the server starts, so the page's callback URL — which contains the port — must be known before
 * the start: this initializer picks a free port, pins the server to it and adds the callback to
 * {@link MetaStub}'s allow-list. Its values are applied after every other initializer has run, whatever order
 * the test framework runs them in.
 */
final class WebPageOrigin implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final int PORT = freePort();

    static String baseUrl() {
        return "http://localhost:" + PORT;
    }

    static String pageUrl() {
        return baseUrl() + "/ui/";
    }

    static String callbackUrl() {
        return baseUrl() + "/ui/callback.html";
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MapPropertySource origin = new MapPropertySource("webPageOrigin", Map.of("server.port", String.valueOf(PORT),
                "tenant-config.meta.allowed-redirect-uris",
                String.join(",", MetaStub.REDIRECT_URI, MetaStub.LOCAL_REDIRECT_URI, callbackUrl())));
        // configuration properties and the web server are bound after the bean factory post-processors
        context.addBeanFactoryPostProcessor(beanFactory -> context.getEnvironment().getPropertySources().addFirst(origin));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free port for the browser tests' server", ex);
        }
    }
}
