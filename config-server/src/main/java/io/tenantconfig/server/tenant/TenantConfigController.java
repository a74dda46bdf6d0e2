package io.tenantconfig.server.tenant;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenantconfig.server.security.TenantPrincipal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own tenant configuration; the tenant is the token's, never a request parameter. */
@RestController
@RequestMapping(path = TenantConfigController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tenant configuration", description = "The configuration of the tenant named by the bearer token")
@SecurityRequirement(name = TenantApiDocumentation.BEARER_SCHEME)
class TenantConfigController {

    static final String PATH = "/api/v1/tenant/config";

    private final TenantConfigService service;

    private final TenantApiAccess access;

    TenantConfigController(TenantConfigService service, TenantApiAccess access) {
        this.service = service;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Read the configuration, secrets masked (***1234); ETag carries its version")
    ResponseEntity<TenantConfigView> get() {
        return answer(service.get(access.tenantUser().requireTenant(), false));
    }

    @GetMapping("/full")
    @Operation(summary = "Read the configuration with secrets in clear, refresh_token included (admin role)")
    ResponseEntity<TenantConfigView> getFull() {
        return answer(service.get(access.tenantAdmin().requireTenant(), true));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create the configuration (201; 409 when one exists)")
    ResponseEntity<TenantConfigView> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TenantConfigRequest.class)))
            @RequestBody(required = false) byte[] body) {
        TenantPrincipal caller = access.tenantUser();
        VersionedConfig created = service.create(caller.requireTenant(), caller.userId(), parse(body));
        return ResponseEntity.created(URI.create(PATH)).eTag(created.etag()).body(created.config());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the fields sent: absent = unchanged, null = cleared; If-Match for optimistic locking")
    ResponseEntity<TenantConfigView> update(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TenantConfigRequest.class)))
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TenantPrincipal caller = access.tenantUser();
        Long expectedVersion = EntityTags.expectedVersion(ifMatch);
        return answer(service.update(caller.requireTenant(), caller.userId(), parse(body), expectedVersion));
    }

    @DeleteMapping
    @Operation(summary = "Delete the configuration and its stored secrets (204; 404 when there is none); If-Match")
    ResponseEntity<Void> delete(@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TenantPrincipal caller = access.tenantUser();
        service.delete(caller.requireTenant(), caller.userId(), EntityTags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/activate")
    @Operation(summary = "Serve this configuration to services again (is_active = true); If-Match")
    ResponseEntity<TenantConfigView> activate(
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TenantPrincipal caller = access.tenantUser();
        return answer(service.setActive(caller.requireTenant(), caller.userId(), true,
                EntityTags.expectedVersion(ifMatch)));
    }

    @PostMapping("/deactivate")
    @Operation(summary = "Keep the data but serve the shared defaults instead (is_active = false); If-Match")
    ResponseEntity<TenantConfigView> deactivate(
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TenantPrincipal caller = access.tenantUser();
        return answer(service.setActive(caller.requireTenant(), caller.userId(), false,
                EntityTags.expectedVersion(ifMatch)));
    }

    private static TenantConfigInput parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidTenantConfigException(null, "A JSON object body is required.");
        }
        return TenantConfigInput.parse(body);
    }

    private static ResponseEntity<TenantConfigView> answer(VersionedConfig config) {
        return ResponseEntity.ok().eTag(config.etag()).body(config.config());
    }

}
