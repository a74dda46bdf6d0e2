package io.tenantconfig.server.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.tenantconfig.server.security.JwtProperties;

/**
 * The page's entry points and the few server settings it needs before anyone has signed in. The values are
 * not secret: claim names, the admin role's name, and whether development tokens can be minted.
 */
@Controller
public class WebPageController {

    public static final String SETTINGS_PATH = "/ui/page-settings";

    static final String DEV_TOKENS_ENABLED = "tenant-config.dev-tokens.enabled";

    private final Environment environment;

    private final JwtProperties jwt;

    public WebPageController(Environment environment, JwtProperties jwt) {
        this.environment = environment;
        this.jwt = jwt;
    }

    /** Relative links in the page resolve against {@code /ui/}, so the bare path must gain its slash. */
    @GetMapping("/ui")
    String withSlash() {
        return "redirect:/ui/";
    }

    @GetMapping("/ui/")
    String page() {
        return "forward:/ui/index.html";
    }

    @GetMapping(SETTINGS_PATH)
    @ResponseBody
    PageSettings settings() {
        return new PageSettings(environment.getProperty(DEV_TOKENS_ENABLED, Boolean.class, false),
                jwt.getTenantClaim(), jwt.getRolesClaim(), jwt.getAdminRole());
    }
}
