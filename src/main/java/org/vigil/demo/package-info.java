/**
 * The demo organization the default run creates: an administrator, a nurse and a physician who can
 * sign in, and patients enrolled in care programs with the standard condition presets — all of it
 * (after the accounts) created through the public REST API, so the demo shows exactly what real
 * data looks like.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.vigil.demo;
