package org.vigil.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of the clinician web UI (server-rendered pages and htmx fragments), as opposed to the
 * REST API. Each module renders its own pages from its internal package; what every page shares is
 * bound to this annotation: the layout's model (navigation, organization, branding) and errors as
 * readable pages instead of problem+json (both in identity, which owns the web session).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface WebPage {
}
