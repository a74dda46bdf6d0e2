package io.tenantconfig.server.tenant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * RFC 9457 answers for the tenant API. Details are written here in plain words; none quotes a submitted value,
 * SQL or a stack trace. Ordered before Boot's generic problem-details handler so these words win.
 */
@RestControllerAdvice(assignableTypes = { TenantConfigController.class, TenantAdminController.class })
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TenantApiProblemHandler {

    private static final Log logger = LogFactory.getLog(TenantApiProblemHandler.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidTenantConfigException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
        if (ex.field() != null) {
            problem.setProperty("field", ex.field());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "A JSON object body is required.");
    }

    @ExceptionHandler
    ProblemDetail wrongParameterType(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Parameter '" + ex.getName() + "' must be " + (ex.getRequiredType() == int.class
                        ? "a whole number." : "of type " + ex.getParameter().getParameterType().getSimpleName() + "."));
        problem.setProperty("field", ex.getName());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Parameter '" + ex.getParameterName()
                + "' is required.");
    }

    @ExceptionHandler
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Send the body as application/json.");
    }

    @ExceptionHandler
    ProblemDetail notFound(TenantConfigNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "No configuration", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail exists(TenantConfigExistsException ex) {
        return problem(HttpStatus.CONFLICT, "Configuration exists", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stale(StaleVersionException ex) {
        return problem(HttpStatus.PRECONDITION_FAILED, "Changed by someone else", ex.getMessage());
    }

    /** The database's own message may quote SQL or values: it goes to the log by class only. */
    @ExceptionHandler
    ProblemDetail database(DataAccessException ex) {
        logger.error("Tenant API database failure: " + ex.getClass().getSimpleName());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "The configuration store could not complete the request; nothing was changed. Try again shortly.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
