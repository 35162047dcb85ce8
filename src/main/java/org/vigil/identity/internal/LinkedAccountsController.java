package org.vigil.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Caller;
import org.vigil.shared.web.ApiProblem;

/**
 * The caller's own linked single sign-on identities. Linking happens in the web UI (it needs the
 * provider's sign-in page); listing and unlinking are here too. Another user's link answers 404.
 */
@RestController
@RequestMapping("/api/v1/auth/linked-accounts")
class LinkedAccountsController {

    private final LinkedAccounts linkedAccounts;

    LinkedAccountsController(LinkedAccounts linkedAccounts) {
        this.linkedAccounts = linkedAccounts;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<LinkedAccounts.LinkedAccount> list(@AuthenticationPrincipal Caller caller) {
        return linkedAccounts.list(caller.userId());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Void> unlink(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest http) {
        if (!linkedAccounts.unlink(caller.userId(), caller.organizationId(), id, AuthController.client(http))) {
            throw ApiProblem.notFound("linked account of yours");
        }
        return ResponseEntity.noContent().build();
    }
}
