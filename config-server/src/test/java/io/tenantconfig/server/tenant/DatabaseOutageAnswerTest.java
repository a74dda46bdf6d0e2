package io.tenantconfig.server.tenant;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import io.tenantconfig.server.support.TenantConfigServerTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a database outage is answered on the config protocol and the tenant API. Stopping the shared PostgreSQL
 * would break every other test, so this asks the server's own handler mapping for the real controller method
 * of a path and hands its own exception resolvers (every advice, in the server's order) what Spring's JDBC layer
 * raises when the pool gives no connection within its timeout, a connection is lost, or a failure is transient.
 */
@TenantConfigServerTest
class DatabaseOutageAnswerTest {

    private static final String SQL_TEXT = "SELECT access_token FROM tenant_configs WHERE tenant_id = 'acme'";

    private static final List<RuntimeException> OUTAGES = List.of(
            new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request "
                            + "timed out after 5000ms (total=10, active=10, idle=0, waiting=3)")),
            new DataAccessResourceFailureException(SQL_TEXT,
                    new SQLException("terminating connection due to administrator command", "57P01")),
            new CannotAcquireLockException(SQL_TEXT, new SQLException("canceling statement: lock timeout", "55P03")));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    @Qualifier("handlerExceptionResolver")
    HandlerExceptionResolver resolver;

    @ParameterizedTest
    @CsvSource({ "GET, /acme/default", "GET, /acme/default/main", "GET, /api/v1/tenant/config",
            "PUT, /api/v1/tenant/config", "DELETE, /api/v1/tenant/admin/configs/acme" })
    void outageIs503DatabaseUnavailableWithTheRequestPathAndNoSql(String method, String path) throws Exception {
        for (RuntimeException outage : OUTAGES) {
            MockHttpServletRequest request = new MockHttpServletRequest(method, path);
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain handler = mappings.getHandler(request);
            assertThat(handler).as(path).isNotNull();
            // as DispatcherServlet does before resolving: an error answer need not match the handler's produces
            request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
            MockHttpServletResponse response = new MockHttpServletResponse();

            assertThat(resolver.resolveException(request, response, handler.getHandler(), outage)).isNotNull();

            String body = response.getContentAsString();
            assertThat(response.getStatus()).as(path + " " + outage.getClass().getSimpleName() + " " + body)
                .isEqualTo(503);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            JsonNode problem = JsonMapper.builder().build().readTree(body);
            assertThat(problem.get("detail").asString()).isEqualTo("database unavailable, try again");
            assertThat(problem.get("instance").asString()).isEqualTo(path);
            assertThat(body).doesNotContain("SELECT", "Hikari", "Exception", "57P01");
        }
    }
}
