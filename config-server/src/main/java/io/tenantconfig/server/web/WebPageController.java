package io.tenantconfig.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.tenantconfig.server.security.DevTokenProperties;
import io.tenantconfig.server.security.JwtProperties;

/**
 * The page's entry points and the few server settings it needs before anyone has signed in. The values are
 * not secret: claim names, the admin role's name, and whether development tokens can be minted.
 */
@Controller
public class WebPageController {

    public static final String SETTINGS_PATH = "/ui/page-settings";

    private final DevTokenProperties devTokens;

    private final JwtProperties jwt;

    public WebPageController(DevTokenProperties devTokens, JwtProperties jwt) {
        this.devTokens = devTokens;
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
        return new PageSettings(devTokens.isEnabled(), jwt.getTenantClaim(), jwt.getRolesClaim(),
                jwt.getAdminRole());
    }
}
