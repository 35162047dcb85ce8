package org.vigil.identity.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.identity.Caller;
import org.vigil.shared.web.ApiProblem;
import org.vigil.tenancy.Role;

/** Inviting people into the organization by email, and accepting an invitation. */
@RestController
@RequestMapping("/api/v1/invitations")
class InvitationsController {

    private final Invitations invitations;

    InvitationsController(Invitations invitations) {
        this.invitations = invitations;
    }

    record InvitationRequest(@NotBlank @Email @Size(max = 254) String email, @NotNull Role role) {
    }

    record Acceptance(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 1000) String password,
            @Size(max = 100) String firstName, @Size(max = 100) String lastName) {
    }

    @PostMapping
    @PreAuthorize("hasAuthority('MEMBER_MANAGE')")
    ResponseEntity<Map<String, String>> invite(@AuthenticationPrincipal Caller caller,
            @Valid @RequestBody InvitationRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", invitations.invite(caller, request.email(), request.role())));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('MEMBER_READ')")
    List<Invitations.Pending> pending(@AuthenticationPrincipal Caller caller) {
        return invitations.pending(caller);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('MEMBER_MANAGE')")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (!invitations.revoke(caller, id)) {
            throw ApiProblem.notFound("pending invitation");
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/accept")
    ResponseEntity<Map<String, String>> accept(@Valid @RequestBody Acceptance acceptance) {
        String userId = invitations.accept(acceptance.token(), acceptance.password(), acceptance.firstName(),
                acceptance.lastName());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("userId", userId));
    }
}
