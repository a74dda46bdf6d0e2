/**
 * Meta OAuth onboarding: a tenant connects its own WhatsApp Business Account.
 */
package io.tenantconfig.onboarding;
