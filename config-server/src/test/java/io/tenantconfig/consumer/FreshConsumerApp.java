package io.tenantconfig.consumer;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import io.tenantconfig.onboarding.OnboardingAutoConfiguration;
import io.tenantconfig.server.ConfigServerApplication;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A consuming service as a user writes it: no code of its own, the starter on the classpath, and the properties
 * that point it at the config server and the Graph API.
 * <p>
 * It lives outside {@code io.tenantconfig.server} so that neither the server's component scan nor the server
 * tests' search for their {@code @SpringBootConfiguration} can find it. A real consumer does not have the server
 * on its classpath; the test classpath does, so the server's own resources (its {@code application.yml},
 * environment post-processor, the onboarding auto-configuration) are hidden from this app and the third-party
 * auto-configurations that come with the server's libraries are excluded.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.cloud.config.server.config.ConfigServerAutoConfiguration" })
public class FreshConsumerApp {

    /** Starts the app without a web server, with {@code properties} as its only configuration. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        ClassLoader withoutServer = new ServerResourcesHidden(FreshConsumerApp.class.getClassLoader());
        return new SpringApplicationBuilder(FreshConsumerApp.class).web(WebApplicationType.NONE)
            .resourceLoader(new DefaultResourceLoader(withoutServer))
            .properties(properties)
            .run();
    }

    /** Resources (not classes) of the server and onboarding modules are absent, as on a consumer's classpath. */
    private static final class ServerResourcesHidden extends ClassLoader {

        private final List<String> hiddenRoots = List.of(root(ConfigServerApplication.class),
                root(OnboardingAutoConfiguration.class));

        ServerResourcesHidden(ClassLoader parent) {
            super(parent);
        }

        @Override
        public URL getResource(String name) {
            Enumeration<URL> visible = visible(name);
            return visible.hasMoreElements() ? visible.nextElement() : null;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return visible(name);
        }

        private Enumeration<URL> visible(String name) {
            try {
                List<URL> all = Collections.list(getParent().getResources(name));
                if (name.endsWith(".class")) {
                    return Collections.enumeration(all);
                }
                return Collections.enumeration(all.stream()
                    .filter(url -> hiddenRoots.stream().noneMatch(root -> isUnder(url, root)))
                    .toList());
            }
            catch (IOException ex) {
                throw new IllegalStateException("Cannot list class path resources " + name, ex);
            }
        }

        /** A directory's file, or an entry of a jar: {@code jar:<root>!/...}. */
        private static boolean isUnder(URL resource, String root) {
            String url = resource.toString();
            return url.startsWith(root) || url.startsWith("jar:" + root + "!");
        }

        private static String root(Class<?> type) {
            try {
                return type.getProtectionDomain().getCodeSource().getLocation().toURI().toURL().toString();
            }
            catch (URISyntaxException | IOException ex) {
                throw new IllegalStateException("Cannot locate the classes of " + type.getName(), ex);
            }
        }
    }
}
