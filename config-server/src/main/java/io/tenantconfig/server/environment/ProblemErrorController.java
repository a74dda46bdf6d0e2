package io.tenantconfig.server.environment;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page so that errors raised with {@code sendError} (the stock config controller does
 * that) are problem details too; it reports only the status, never the exception.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status;
        if (code == null) {
            // asked for directly (GET /error), not forwarded by the container after a failure: there is nothing here
            status = HttpStatus.NOT_FOUND;
        }
        else {
            status = code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
                    : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, DETAILS.getOrDefault(status,
                status.getReasonPhrase()));
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static final Map<HttpStatus, String> DETAILS = Map.of(
            HttpStatus.BAD_REQUEST, "The request is not valid for this server.",
            HttpStatus.NOT_FOUND, "No configuration or resource at this path.",
            HttpStatus.INTERNAL_SERVER_ERROR, "The server failed to answer; see its log.");
}
