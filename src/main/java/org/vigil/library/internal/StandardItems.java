package org.vigil.library.internal;

import org.vigil.shared.web.ApiProblem;

/**
 * The rule of the standardized library: its items are shared by every organization and can never
 * be changed or deleted through an organization; an organization customizes by cloning and editing
 * its copy. (Row-level security enforces the same: the tenant role cannot write rows whose
 * organization is NULL.)
 */
final class StandardItems {

    private StandardItems() {
    }

    static void refuseChange(boolean standardized, String what) {
        if (standardized) {
            throw ApiProblem.refused("Standardized " + what,
                    "Standardized library items cannot be changed or deleted. Clone it (POST .../clone) and edit "
                            + "your organization's copy.");
        }
    }
}
