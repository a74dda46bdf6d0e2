package io.tenantconfig.server.tenant;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.server.environment.ConfigRequest;
import io.tenantconfig.server.security.TenantPrincipal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Across tenants, for the admin role only: lists (masked), counts, removal and the audit trail. */
@RestController
@RequestMapping(path = "/api/v1/tenant/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tenant administration", description = "Every tenant; needs the admin role")
@SecurityRequirement(name = TenantApiDocumentation.BEARER_SCHEME)
class TenantAdminController {

    private static final String SORT_FIELD = "tenant_id";

    private final TenantConfigService service;

    private final AuditTrailReader auditTrail;

    private final TenantApiAccess access;

    TenantAdminController(TenantConfigService service, AuditTrailReader auditTrail, TenantApiAccess access) {
        this.service = service;
        this.auditTrail = auditTrail;
        this.access = access;
    }

    @GetMapping("/configs")
    @Operation(summary = "All configurations, secrets masked, one page at a time, ordered by tenant_id")
    PageOf<TenantConfigView> configs(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size,
            @Parameter(description = "tenant_id, tenant_id,asc or tenant_id,desc")
            @RequestParam(defaultValue = SORT_FIELD) String sort) {
        access.admin();
        return service.list(new PageRequest(page, size), ascending(sort));
    }

    @GetMapping("/configs/stats")
    @Operation(summary = "Counts: total, active, inactive, onboarded, pending (onboarding not completed)")
    TenantConfigStats stats() {
        access.admin();
        return service.stats();
    }

    @DeleteMapping("/configs/{tenantId}")
    @Operation(summary = "Delete one tenant's configuration (204; 404 when there is none); If-Match")
    ResponseEntity<Void> delete(@PathVariable String tenantId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TenantPrincipal admin = access.admin();
        service.delete(checkedTenantId("tenantId", tenantId), admin.userId(), EntityTags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit trail, newest first: who changed which fields of which tenant (never values)")
    PageOf<AuditRecord> audit(@RequestParam(name = "tenant_id", required = false) String tenantId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        access.admin();
        return auditTrail.page(tenantId == null ? null : checkedTenantId("tenant_id", tenantId),
                new PageRequest(page, size));
    }

    private static String checkedTenantId(String name, String value) {
        if (!ConfigRequest.isTenantId(value)) {
            throw new InvalidTenantConfigException(name,
                    name + " must be 1-64 letters, digits, '-', '_' or '.' (not 'application').");
        }
        return value;
    }

    private static boolean ascending(String sort) {
        String[] parts = sort.split(",", -1);
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (parts.length > 2 || !SORT_FIELD.equals(parts[0].strip())
                || !(direction.equals("asc") || direction.equals("desc"))) {
            throw new InvalidTenantConfigException("sort", "sort must be tenant_id, tenant_id,asc or tenant_id,desc.");
        }
        return direction.equals("asc");
    }
}
