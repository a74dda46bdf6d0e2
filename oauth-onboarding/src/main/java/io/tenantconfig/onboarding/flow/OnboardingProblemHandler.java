package io.tenantconfig.onboarding.flow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tenantconfig.onboarding.meta.MetaApiException;
import io.tenantconfig.onboarding.meta.MetaUnavailableException;
import io.tenantconfig.onboarding.state.InvalidStateException;

/**
 * RFC 9457 problem details for the onboarding endpoints: 400 for what the caller can fix, 502 for Meta,
 * 500 only for our own storage. Details are ours in plain words; no code, token or secret ever appears.
 */
@RestControllerAdvice(basePackageClasses = OnboardingController.class)
public class OnboardingProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(OnboardingProblemHandler.class);

    @ExceptionHandler
    ProblemDetail invalidRequest(InvalidOnboardingRequestException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid onboarding request", ex.getMessage());
        if (ex.field() != null) {
            problem.setProperty("field", ex.field());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadableBody(HttpMessageNotReadableException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid onboarding request",
                "the request body is missing or is not the expected JSON object");
    }

    @ExceptionHandler
    ProblemDetail invalidState(InvalidStateException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid OAuth state", ex.getMessage());
        problem.setProperty("reason", ex.reason().code());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail metaRefused(MetaApiException ex) {
        HttpStatus status = ex.callerError() ? HttpStatus.BAD_REQUEST : HttpStatus.BAD_GATEWAY;
        ProblemDetail problem = problem(status, ex.callerError() ? "Meta rejected the authorization"
                : "Meta refused the request", ex.getMessage());
        problem.setProperty("meta_code", ex.code());
        if (ex.subcode() != null) {
            problem.setProperty("meta_subcode", ex.subcode());
        }
        if (ex.fbtraceId() != null) {
            problem.setProperty("fbtrace_id", ex.fbtraceId());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail metaUnavailable(MetaUnavailableException ex) {
        return problem(HttpStatus.BAD_GATEWAY, "Meta unavailable", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail storageFailed(OnboardingStorageException ex) {
        log.error("Onboarding storage failure: {}", ex.getMessage(), ex.getCause());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Storage failure",
                ex.getMessage() + "; the configuration was not changed, start the onboarding again");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
