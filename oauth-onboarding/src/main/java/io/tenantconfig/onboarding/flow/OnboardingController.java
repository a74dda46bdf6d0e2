package io.tenantconfig.onboarding.flow;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's onboarding endpoints; the tenant and user come from the authenticated request.
 */
@RestController
@RequestMapping("/api/v1/tenant/onboard")
public class OnboardingController {

    private final OnboardingService onboarding;
    private final CurrentTenant currentTenant;

    public OnboardingController(OnboardingService onboarding, CurrentTenant currentTenant) {
        this.onboarding = onboarding;
        this.currentTenant = currentTenant;
    }

    @GetMapping("/start")
    public OnboardingStart start(@RequestParam(name = "redirect_uri", required = false) String redirectUri) {
        return onboarding.start(currentTenant.current(), redirectUri);
    }

    /** The body is parsed by {@link OnboardingRequest#parse}, which refuses what lenient data binding accepts. */
    @PostMapping(path = "/whatsapp-client", consumes = MediaType.APPLICATION_JSON_VALUE)
    public OnboardingResult complete(@RequestBody(required = false) byte[] body) {
        return onboarding.complete(currentTenant.current(), OnboardingRequest.parse(body));
    }
}
