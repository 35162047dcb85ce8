package org.vigil.tenancy.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.vigil.tenancy.OrganizationBranding;
import org.vigil.tenancy.TenantPrincipal;

/**
 * {@code GET /branding.css}: the signed-in organization's colours as CSS custom properties, linked
 * by every page after {@code vigil.css}. Only the validated {@code #rrggbb} colour (and the text
 * colour derived from it) is ever written; nothing typed by a person. Cached by the browser per
 * version of the organization's settings (ETag, revalidated on each use; private to the session).
 */
@Controller
class BrandingStylesheet {

    static final MediaType CSS = new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8);

    private final OrganizationBranding branding;

    BrandingStylesheet(OrganizationBranding branding) {
        this.branding = branding;
    }

    @GetMapping("/branding.css")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<String> stylesheet(@AuthenticationPrincipal TenantPrincipal caller, HttpServletRequest request) {
        OrganizationBranding.Look look = branding.of(caller.organizationId(), caller.userId());
        String etag = "\"branding-" + caller.organizationId() + "-" + look.version() + "\"";
        CacheControl cache = CacheControl.maxAge(0, TimeUnit.SECONDS).cachePrivate().mustRevalidate();
        if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        String css = look.primaryColor() == null
                ? "/* No organization colour is set: Vigil's own colours apply. */\n"
                : ":root { --brand: " + look.primaryColor() + "; --brand-text: " + look.textColor() + "; }\n";
        return ResponseEntity.ok().contentType(CSS).eTag(etag).cacheControl(cache).body(css);
    }
}
