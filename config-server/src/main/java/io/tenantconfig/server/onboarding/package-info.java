/**
 * The storage and identity side of Meta onboarding: JDBC adapters for the ports of the {@code oauth-onboarding}
 * module ({@code OAuthStateStore}, {@code OnboardingStore}, {@code TokenLifecycleStore}) over
 * {@code oauth_states} and {@code tenant_configs}, and {@code CurrentTenant} from the request's JWT. The module's
 * auto-configuration picks these beans up and exposes the onboarding endpoints and the token refresh job.
 */
package io.tenantconfig.server.onboarding;
