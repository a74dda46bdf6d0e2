/**
 * Tenant-aware configuration loader and WhatsApp client for Spring Boot apps.
 */
package io.tenantconfig.client;
