package io.tenantconfig.server.environment;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import static io.tenantconfig.server.support.ServerClient.basic;
import static io.tenantconfig.server.support.ServerClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cache miss answered by the controller without the rest of Spring MVC answers exactly what the full dispatcher
 * chain answers: same status, type and bytes, for answers and for failures. A query string sends a request down
 * the full chain (the answer filter leaves it alone), which gives the side-by-side comparison over real HTTP.
 */
@TenantConfigServerTest
class ConfigAnswerWriterTest {

    @LocalServerPort
    int port;

    @Autowired
    TenantEnvironmentCache cache;

    @Autowired
    ConfigAnswerCache answers;

    @Autowired
    ObjectProvider<DispatcherServlet> dispatcher;

    @Autowired
    ObjectProvider<RequestMappingHandlerAdapter> adapter;

    @Autowired
    @Qualifier("handlerExceptionResolver")
    HandlerExceptionResolver exceptionResolver;

    @Autowired
    ObjectProvider<ResponseBodyAdvice<?>> bodyAdvice;

    final TestRows rows = new TestRows();

    ServerClient client;

    @BeforeEach
    void tenants() {
        client = new ServerClient(port);
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id LIKE 'writer-%'");
        rows.jdbc().update("DELETE FROM config_properties WHERE application LIKE 'writer-%'");
        rows.standardSharedDefaults();
        rows.tenant("writer-acme", true, "acme-phone", "acme-waba", null);
        rows.property("writer-acme", "default", "writer.greeting", "hello \"quoted\" ünïcode");
        rows.tenant("writer-other", true, "other-phone", null, null);
        cache.evictAll();
        answers.cache().invalidateAll();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/writer-acme/default", "/writer-acme/default,cloud", "/writer-acme/default/main",
            "/writer-acme/default/no-such-label", "/writer-nobody/default", "/writer-acme/bad%20profile" })
    void aMissAnswersWhatTheFullChainAnswers(String path) {
        HttpResponse<String> full = client.get(path + "?full", basic());
        HttpResponse<String> miss = client.get(path, basic());

        assertSameAnswer(miss, full);
    }

    @ParameterizedTest
    @ValueSource(strings = { "*/*", "application/json" })
    void aMissWithAPlainJsonAcceptAnswersWhatTheFullChainAnswers(String accept) {
        Map<String, String> headers = Map.of("Authorization", basic(), "Accept", accept);

        HttpResponse<String> full = client.send("GET", "/writer-acme/default?full", headers, null);
        HttpResponse<String> miss = client.send("GET", "/writer-acme/default", headers, null);

        assertThat(miss.statusCode()).isEqualTo(200);
        assertSameAnswer(miss, full);
    }

    @Test
    void aMissForATokenOfAnotherTenantIsForbiddenAndNothingIsKept() {
        String token = bearer(TestKeys.jwt(Map.of("tenant_id", "writer-other", "scope", "config:read")));

        HttpResponse<String> full = client.get("/writer-acme/default?full", token);
        HttpResponse<String> miss = client.get("/writer-acme/default", token);

        assertThat(miss.statusCode()).isEqualTo(403);
        assertThat(miss.body()).doesNotContain("acme-phone");
        assertSameAnswer(miss, full);
        assertThat(answers.find("writer-acme", "/writer-acme/default")).isNull();
    }

    @Test
    void aMissAnsweredByTheControllerIsKeptAndReplayedUnchanged() {
        HttpResponse<String> miss = client.get("/writer-acme/default", basic());
        HttpResponse<String> replay = client.get("/writer-acme/default", basic());

        assertThat(answers.find("writer-acme", "/writer-acme/default")).isNotNull();
        assertSameAnswer(replay, miss);
    }

    /** The writer takes only what MVC routes to the plain JSON methods; all else is left to the dispatcher. */
    @Test
    void onlyPlainJsonRequestsRoutedToTheControllerAreWrittenHere() throws Exception {
        client.get("/writer-acme/default", basic()); // the dispatcher has initialised its handler mappings
        ConfigAnswerWriter writer = new ConfigAnswerWriter(dispatcher, adapter, exceptionResolver, bodyAdvice);

        ConfigAnswerWriter.Written plain = writer.write(request("/writer-acme/default", null, null),
                new MockHttpServletResponse(), "writer-acme");

        assertThat(plain).isNotNull();
        assertThat(plain.contentType()).isEqualTo("application/json");
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("acme-phone");
        assertThat(plain.pattern()).startsWith("/{name}/{profiles");
        assertThat(writer.write(request("/writer-acme/default", "application/vnd.spring-cloud.config-server.v2+json",
                null), new MockHttpServletResponse(), "writer-acme")).isNull();
        assertThat(writer.write(request("/writer-acme/default", "text/html", null), new MockHttpServletResponse(),
                "writer-acme")).isNull();
        assertThat(writer.write(request("/writer-acme/default", null, "https://elsewhere.example"),
                new MockHttpServletResponse(), "writer-acme")).isNull();
        assertThat(writer.write(request("/writer-acme-default.yml", null, null), new MockHttpServletResponse(),
                "writer-acme-default.yml")).isNull();
        assertThat(writer.write(request("/writer-acme/default", null, null), new MockHttpServletResponse(),
                "writer-other")).isNull();
    }

    /** Such an advice may rewrite any body the dispatcher writes, so none is written past it. */
    @Test
    @SuppressWarnings({ "unchecked", "rawtypes" })
    void anApplicationsResponseBodyAdviceLeavesEveryMissToTheDispatcher() throws Exception {
        client.get("/writer-acme/default", basic());
        ResponseBodyAdvice<Object> rewriting = new ResponseBodyAdvice<>() {
            @Override
            public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converter) {
                return true;
            }

            @Override
            public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                    Class<? extends HttpMessageConverter<?>> converter, ServerHttpRequest request,
                    ServerHttpResponse response) {
                return body;
            }
        };
        ObjectProvider<ResponseBodyAdvice<?>> advice = (ObjectProvider) new StaticListableBeanFactory(
                Map.of("rewriting", rewriting)).getBeanProvider(ResponseBodyAdvice.class);
        ConfigAnswerWriter writer = new ConfigAnswerWriter(dispatcher, adapter, exceptionResolver, advice);

        assertThat(writer.write(request("/writer-acme/default", null, null), new MockHttpServletResponse(),
                "writer-acme")).isNull();
    }

    @Test
    void aFailureOfTheControllerIsAnsweredByTheApplicationsExceptionHandlers() throws Exception {
        client.get("/writer-acme/default", basic());
        ConfigAnswerWriter writer = new ConfigAnswerWriter(dispatcher, adapter, exceptionResolver, bodyAdvice);
        MockHttpServletResponse response = new MockHttpServletResponse();

        ConfigAnswerWriter.Written written = writer.write(request("/writer-acme/default/no-such-label", null, null),
                response, "writer-acme");

        assertThat(written).isSameAs(ConfigAnswerWriter.Written.ANSWERED_WITHOUT_BODY);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    /** Spring Security's filters do not run for a mock request: the service user is put in place here. */
    @BeforeEach
    void serviceUser() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                TestKeys.SERVICE_USER, null, AuthorityUtils.createAuthorityList("ROLE_CONFIG_CLIENT")));
    }

    @AfterEach
    void noUser() {
        SecurityContextHolder.clearContext();
    }

    private static MockHttpServletRequest request(String path, String accept, String origin) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        return request;
    }

    private static void assertSameAnswer(HttpResponse<String> actual, HttpResponse<String> expected) {
        assertThat(actual.statusCode()).as(actual.body()).isEqualTo(expected.statusCode());
        assertThat(actual.headers().firstValue("Content-Type")).isEqualTo(expected.headers().firstValue("Content-Type"));
        assertThat(actual.body()).isEqualTo(expected.body());
    }
}
