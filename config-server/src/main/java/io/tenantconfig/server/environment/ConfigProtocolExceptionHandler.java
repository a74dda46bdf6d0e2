package io.tenantconfig.server.environment;

import java.net.URI;

import io.tenantconfig.server.crypto.SecretUnreadableException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.config.server.environment.InvalidEnvironmentRequestException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps config-protocol failures to RFC 9457 problem details; no stack trace, SQL or secret in a body. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConfigProtocolExceptionHandler {

    private static final Log logger = LogFactory.getLog(ConfigProtocolExceptionHandler.class);

    @ExceptionHandler({ InvalidConfigRequestException.class, InvalidEnvironmentRequestException.class })
    ProblemDetail invalidRequest(RuntimeException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid configuration request", ex.getMessage());
    }

    @ExceptionHandler(UnknownLabelException.class)
    ProblemDetail unknownLabel(UnknownLabelException ex) {
        return problem(HttpStatus.NOT_FOUND, "Unknown label", ex.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
    }

    /** Never "absent": falling back to the platform's token would send this tenant's traffic with another's. */
    @ExceptionHandler(SecretUnreadableException.class)
    ProblemDetail secretUnreadable(SecretUnreadableException ex) {
        logger.error(ex.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Stored secret unreadable", ex.getMessage());
    }

    /**
     * The database is down or unreachable (a connection the pool could not hand out within its timeout, a lost
     * connection, a transient failure): 503 so clients retry; the driver's text may carry SQL and stays out of the
     * body and the log. This advice is global and ordered first, so the tenant API's outages get this same answer.
     */
    @ExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class })
    ProblemDetail databaseUnavailable(RuntimeException ex, HttpServletRequest request) {
        logger.error("Database unavailable for " + request.getMethod() + " " + request.getRequestURI() + ": "
                + ex.getClass().getSimpleName());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "database unavailable, try again");
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
