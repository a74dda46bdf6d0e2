package io.tenantconfig.client.webhook;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tenantconfig.client.config.TenantConfigUnavailableException;
import io.tenantconfig.client.config.TenantIds;

/**
 * Meta's webhook endpoint per tenant, registered when {@code tenant.config.webhook.enabled=true}: the GET answers
 * the subscription challenge, the POST checks the signature, routes the events and hands them to the app's
 * {@link WhatsAppWebhookHandler} beans.
 */
@RestController
@RequestMapping("/webhooks/whatsapp/{tenant}")
public class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);

    private final WebhookVerifier verifier;
    private final WebhookRouter router;
    private final List<WhatsAppWebhookHandler> handlers;

    public WhatsAppWebhookController(WebhookVerifier verifier, WebhookRouter router,
            List<WhatsAppWebhookHandler> handlers) {
        this.verifier = verifier;
        this.router = router;
        this.handlers = List.copyOf(handlers);
    }

    @GetMapping
    public ResponseEntity<?> verifySubscription(@PathVariable String tenant,
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String verifyToken,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        TenantIds.requireValid(tenant);
        return verifier.challengeAnswer(tenant, mode, verifyToken, challenge)
                .<ResponseEntity<?>>map(answer -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(answer))
                .orElseGet(() -> problem(HttpStatus.FORBIDDEN, "Subscription not verified",
                        "hub.mode must be subscribe and hub.verify_token must match the tenant's verify token"));
    }

    @PostMapping(consumes = MediaType.ALL_VALUE)
    public ResponseEntity<?> receive(@PathVariable String tenant,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
            @RequestBody(required = false) byte[] rawBody) {
        TenantIds.requireValid(tenant);
        if (!verifier.isSignatureValid(tenant, rawBody, signature)) {
            log.warn("Webhook call for tenant {} refused: missing or invalid X-Hub-Signature-256", tenant);
            return problem(HttpStatus.FORBIDDEN, "Signature not valid",
                    "X-Hub-Signature-256 must be sha256=<HMAC-SHA256 of the body with the tenant's app secret>");
        }
        List<WhatsAppWebhookEvent> events = router.route(tenant, rawBody);
        for (WhatsAppWebhookEvent event : events) {
            handlers.forEach(handler -> handler.handle(event));
        }
        return ResponseEntity.ok().build();
    }

    @ExceptionHandler(UnroutableWebhookException.class)
    ResponseEntity<ProblemDetail> unroutable(UnroutableWebhookException ex) {
        log.warn("Webhook call refused: {}", ex.getMessage());
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Webhook event not routable", ex.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badTenant(IllegalArgumentException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid tenant id", ex.getMessage());
    }

    @ExceptionHandler(TenantConfigUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(TenantConfigUnavailableException ex) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Tenant configuration unavailable",
                "The configuration of tenant '" + ex.tenantId() + "' cannot be loaded right now");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
