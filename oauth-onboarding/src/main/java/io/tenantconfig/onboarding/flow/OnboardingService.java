package io.tenantconfig.onboarding.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriComponentsBuilder;

import io.tenantconfig.onboarding.flow.OnboardingResult.WebhookSubscription;
import io.tenantconfig.onboarding.meta.MetaAccessToken;
import io.tenantconfig.onboarding.meta.MetaAppCredentials;
import io.tenantconfig.onboarding.meta.MetaException;
import io.tenantconfig.onboarding.meta.MetaGraphClient;
import io.tenantconfig.onboarding.meta.MetaProperties;
import io.tenantconfig.onboarding.meta.MetaTokenInfo;
import io.tenantconfig.onboarding.meta.MetaUnavailableException;
import io.tenantconfig.onboarding.state.IssuedState;
import io.tenantconfig.onboarding.state.OAuthStateService;

/**
 * The onboarding flow: issue a state, then check the request and the state, exchange the code with Meta,
 * verify the token, store everything in one call and subscribe to webhooks. Nothing is stored before every
 * check and every call to Meta has passed.
 */
public class OnboardingService {

    static final String SUCCESS_MESSAGE = "WhatsApp Business API onboarding completed successfully";
    /** Tokens shorter-lived than this are exchanged for a long-lived one (short-lived ones last ~1-2 hours). */
    static final Duration SHORT_LIVED = Duration.ofDays(2);

    private static final Logger log = LoggerFactory.getLogger(OnboardingService.class);
    private static final Pattern GRAPH_ID = Pattern.compile("[0-9]{1,32}");
    private static final int MAX_CODE_LENGTH = 2048;

    private final MetaGraphClient meta;
    private final OAuthStateService states;
    private final OnboardingStore store;
    private final RedirectUriPolicy redirectUris;
    private final MetaProperties properties;
    private final Clock clock;

    public OnboardingService(MetaGraphClient meta, OAuthStateService states, OnboardingStore store,
            MetaProperties properties, Clock clock) {
        this.meta = meta;
        this.states = states;
        this.store = store;
        this.redirectUris = new RedirectUriPolicy(properties.getAllowedRedirectUris());
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Issues a state and, for the redirect flow, the dialog URL to send the browser to.
     *
     * @param redirectUri {@code null} or blank for the Embedded Signup flow
     */
    public OnboardingStart start(TenantUser user, String redirectUri) {
        String redirect = blankToNull(redirectUri);
        if (redirect != null) {
            redirectUris.check(redirect);
        }
        MetaAppCredentials app = appFor(user.tenantId());
        IssuedState state = states.issue(user.tenantId(), user.userId(), redirect);
        if (redirect == null) {
            return new OnboardingStart(state.value(), null, state.expiresAt(), "embedded_signup", app.appId());
        }
        String dialogUrl = UriComponentsBuilder.fromUriString(properties.getDialogUrl())
                .pathSegment(properties.getApiVersion(), "dialog", "oauth")
                .queryParam("client_id", "{appId}")
                .queryParam("redirect_uri", "{redirectUri}")
                .queryParam("state", "{state}")
                .queryParam("scope", "{scope}")
                .queryParam("response_type", "code")
                .encode()
                .buildAndExpand(app.appId(), redirect, state.value(), String.join(",", properties.getScopes()))
                .toUriString();
        return new OnboardingStart(state.value(), dialogUrl, state.expiresAt(), "redirect", app.appId());
    }

    /** Completes onboarding with an authorization code; see the class comment for the order of steps. */
    public OnboardingResult complete(TenantUser user, OnboardingRequest request) {
        String redirect = validate(request);
        states.consume(request.state(), user.tenantId(), user.userId(), redirect);
        MetaAppCredentials app = appFor(user.tenantId());

        MetaAccessToken token = meta.exchangeCode(request.code(), redirect, app);
        if (token.expiresIn() != null && token.expiresIn() < SHORT_LIVED.toSeconds()) {
            token = meta.exchangeForLongLived(token.accessToken(), app);
        }
        MetaTokenInfo info = meta.debugToken(token.accessToken(), app);
        if (!info.valid()) {
            throw new MetaUnavailableException("Meta reports the new token as invalid; start the onboarding again");
        }
        if (!app.appId().equals(info.appId())) {
            throw new InvalidOnboardingRequestException("code",
                    "the authorization code was issued to another Meta app than the one configured");
        }
        Instant now = clock.instant();
        Instant expiresAt = info.expiresAt() != null ? info.expiresAt()
                : token.expiresIn() != null ? now.plusSeconds(token.expiresIn()) : null;

        long configId = save(new CompletedOnboarding(user.tenantId(), user.userId(), request.wabaId(),
                request.phoneNumberId(), token.accessToken(), expiresAt, info.scopes(), app.appId(), redirect, now));
        log.info("Tenant {} onboarded WABA {} (phone number id {}), token expires {}", user.tenantId(),
                request.wabaId(), request.phoneNumberId(), expiresAt == null ? "never" : expiresAt);

        WebhookSubscription subscription = properties.isSubscribeAfterOnboarding()
                ? subscribe(user.tenantId(), request.wabaId(), token.accessToken())
                : WebhookSubscription.skipped();
        return new OnboardingResult(true, SUCCESS_MESSAGE, user.tenantId(), configId, request.wabaId(),
                request.phoneNumberId(), expiresAt, info.scopes(), subscription);
    }

    private String validate(OnboardingRequest request) {
        if (request.code() == null || request.code().isBlank()) {
            throw new InvalidOnboardingRequestException("code", "code is missing");
        }
        if (request.code().length() > MAX_CODE_LENGTH) {
            throw new InvalidOnboardingRequestException("code", "code is longer than " + MAX_CODE_LENGTH
                    + " characters");
        }
        requireGraphId("waba_id", request.wabaId());
        requireGraphId("phone_number_id", request.phoneNumberId());
        String redirect = blankToNull(request.redirectUri());
        if (redirect != null) {
            redirectUris.check(redirect);
        }
        return redirect;
    }

    private static void requireGraphId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidOnboardingRequestException(field, field + " is missing");
        }
        if (!GRAPH_ID.matcher(value).matches()) {
            throw new InvalidOnboardingRequestException(field, field + " must be 1 to 32 digits");
        }
    }

    /** The tenant's own app when it stored one, else the platform's. */
    private MetaAppCredentials appFor(String tenantId) {
        MetaAppCredentials app = storage("read the tenant's Meta app", () -> store.findTenantApp(tenantId))
                .orElseGet(properties::platformApp);
        if (app == null) {
            throw new InvalidOnboardingRequestException("fb_app_id",
                    "no Meta app is configured: set tenant-config.meta.app-id and app-secret on the server, "
                            + "or store fb_app_id and fb_app_secret in the tenant's configuration");
        }
        return app;
    }

    private long save(CompletedOnboarding onboarding) {
        return storage("store the onboarding result", () -> store.completeOnboarding(onboarding));
    }

    private WebhookSubscription subscribe(String tenantId, String wabaId, String token) {
        WebhookSubscription result;
        try {
            meta.subscribeApp(wabaId, token);
            result = new WebhookSubscription(true, true, null);
        }
        catch (MetaException ex) {
            log.warn("Tenant {}: subscribing the app to WABA {} failed: {}", tenantId, wabaId, ex.getMessage());
            result = new WebhookSubscription(true, false, ex.getMessage());
        }
        try {
            store.recordWebhookSubscription(tenantId, wabaId, result.subscribed(), result.error());
        }
        catch (RuntimeException ex) {
            // the onboarding itself is stored; losing this audit line must not turn success into an error
            log.error("Tenant {}: could not record the webhook subscription outcome", tenantId, ex);
        }
        return result;
    }

    private static <T> T storage(String action, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        }
        catch (OnboardingStorageException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            throw new OnboardingStorageException("could not " + action, ex);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
