package io.tenantconfig.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/token}: a signed JWT for trying the tenant API and the web page on a developer's machine.
 * Answers 404 unless {@code tenant-config.dev-tokens.enabled} (embedded mode) and 403 to any caller that is not
 * on the loopback interface, judged by the connection's own remote address. A browser on this machine can still be
 * steered here by a hostile page through DNS rebinding; such a request carries the attacker's host name in
 * {@code Host} (and its page in {@code Origin}), so both must name the loopback interface too.
 */
@RestController
public class DevTokenController {

    private static final Log logger = LogFactory.getLog(DevTokenController.class);

    private static final Pattern NUMERIC_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    /** {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, with or without a port. */
    private static final Pattern LOOPBACK_HOST = Pattern
        .compile("(?i)(localhost|127\\.0\\.0\\.1|\\[::1\\])(:[0-9]{1,5})?");

    private final DevTokenProperties properties;

    private final DevTokenIssuer issuer;

    public DevTokenController(DevTokenProperties properties, DevTokenIssuer issuer) {
        this.properties = properties;
        this.issuer = issuer;
    }

    @PostMapping("/dev/token")
    ResponseEntity<?> issue(HttpServletRequest http, @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String user, @RequestParam(required = false) String roles,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String ttl) {
        if (!properties.isEnabled()) {
            return problem(HttpStatus.NOT_FOUND, "Not found",
                    "Development tokens are disabled on this server (embedded mode only).");
        }
        if (!isLoopback(http.getRemoteAddr())) {
            return problem(HttpStatus.FORBIDDEN, "Forbidden",
                    "Development tokens are issued only to callers on this machine.");
        }
        if (!isLoopbackHost(http.getHeader(HttpHeaders.HOST))
                || !isLoopbackOrigin(http.getHeader(HttpHeaders.ORIGIN))) {
            return problem(HttpStatus.FORBIDDEN, "Forbidden", "Development tokens are issued only to requests "
                    + "addressed to localhost, 127.0.0.1 or [::1] (Host and Origin headers).");
        }
        DevTokenRequest request = DevTokenRequest.of(tenant, user, roles, scope, ttl);
        return issuer.issue(request)
            .<ResponseEntity<?>>map(token -> {
                logger.info("Issued a development token: tenant=" + request.tenant() + " user=" + request.user()
                        + " roles=" + request.roles() + " ttl=" + request.ttl());
                return ResponseEntity.ok(token);
            })
            .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "Not found", "Development tokens need "
                    + "tenant-config.security.jwt.hmac-secret; this server validates tokens with a public key."));
    }

    @ExceptionHandler(InvalidDevTokenRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDevTokenRequestException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid development token request", ex.getMessage());
    }

    /** Only a numeric address is judged, so no name lookup can happen; anything else is not trusted. */
    static boolean isLoopback(String remoteAddress) {
        if (remoteAddress == null || !NUMERIC_ADDRESS.matcher(remoteAddress).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

    static boolean isLoopbackHost(String host) {
        return host != null && LOOPBACK_HOST.matcher(host.trim()).matches();
    }

    /** No {@code Origin} (curl, same-origin GET) is fine; {@code null} or any other site's origin is not. */
    static boolean isLoopbackOrigin(String origin) {
        if (origin == null) {
            return true;
        }
        String lower = origin.trim().toLowerCase(Locale.ROOT);
        for (String scheme : List.of("http://", "https://")) {
            if (lower.startsWith(scheme)) {
                return isLoopbackHost(lower.substring(scheme.length()));
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
