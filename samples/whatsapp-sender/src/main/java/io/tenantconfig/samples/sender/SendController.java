package io.tenantconfig.samples.sender;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.tenantconfig.client.config.TenantConfigUnavailableException;
import io.tenantconfig.client.config.TenantNotConfiguredException;
import io.tenantconfig.client.whatsapp.SendResult;
import io.tenantconfig.client.whatsapp.WhatsAppApiException;
import io.tenantconfig.client.whatsapp.WhatsAppClient;

/**
 * {@code POST /send/{tenant}} with {@code {"to":"+49 151 ...","text":"Hello"}} sends a text with that tenant's
 * WhatsApp number; the app never sees a credential.
 */
@RestController
class SendController {

    private final WhatsAppClient whatsApp;

    SendController(WhatsAppClient whatsApp) {
        this.whatsApp = whatsApp;
    }

    record SendRequest(String to, String text) {
    }

    @PostMapping("/send/{tenant}")
    SendResult send(@PathVariable String tenant, @RequestBody SendRequest request) {
        return whatsApp.forTenant(tenant).sendText(request.to(), request.text());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler(WhatsAppApiException.class)
    ProblemDetail graphRefused(WhatsAppApiException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
        problem.setProperty("code", ex.code());
        problem.setProperty("fbtraceId", ex.fbtraceId());
        return problem;
    }

    @ExceptionHandler(TenantNotConfiguredException.class)
    ProblemDetail tenantNotConfigured(TenantNotConfiguredException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Tenant not configured for sending");
        problem.setProperty("tenant", ex.tenantId());
        return problem;
    }

    /** The cause's text may name the config server's address; the client only needs to know it should retry. */
    @ExceptionHandler(TenantConfigUnavailableException.class)
    ProblemDetail configUnavailable(TenantConfigUnavailableException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Configuration of tenant '" + ex.tenantId() + "' is unavailable: the config server cannot be"
                        + " reached and there is no earlier answer; try again later");
        problem.setTitle("Tenant configuration unavailable");
        problem.setProperty("tenant", ex.tenantId());
        return problem;
    }
}
