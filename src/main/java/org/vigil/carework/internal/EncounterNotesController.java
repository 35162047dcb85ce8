package org.vigil.carework.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;

/** Encounter notes of a patient (SOAP), revised until attested, locked for good once attested. */
@RestController
@Tag(name = "Encounter notes")
@Validated
class EncounterNotesController {

    private static final String NOTES = "/api/v1/patients/{patientId}/encounter-notes";

    private final EncounterNotes notes;

    EncounterNotesController(EncounterNotes notes) {
        this.notes = notes;
    }

    @PostMapping(NOTES)
    @PreAuthorize("hasAuthority('NOTE_WRITE')")
    @Operation(summary = "Write an encounter note", description = "The clinician is the caller's linked clinician "
            + "profile (409 without one). Sections at most 20,000 characters each; alertId must be this patient's.")
    ResponseEntity<EncounterNoteView> create(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @Valid @RequestBody EncounterNoteRequest request) {
        EncounterNoteView note = notes.create(caller, patientId, request);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/encounter-notes/" + note.id()))
                .eTag(ETags.of(note.version())).body(note);
    }

    @GetMapping(NOTES)
    @PreAuthorize("hasAuthority('NOTE_READ')")
    @Operation(summary = "List a patient's encounter notes", description = "Newest first; paged.")
    PageResponse<EncounterNoteView> list(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @Valid @ModelAttribute PageQuery paging) {
        return notes.list(caller, patientId, paging);
    }

    @GetMapping(NOTES + "/{noteId}")
    @PreAuthorize("hasAuthority('NOTE_READ')")
    @Operation(summary = "Read an encounter note")
    ResponseEntity<EncounterNoteView> get(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @PathVariable String noteId) {
        EncounterNoteView note = notes.get(caller, patientId, noteId);
        return ResponseEntity.ok().eTag(ETags.of(note.version())).body(note);
    }

    @PutMapping(NOTES + "/{noteId}")
    @PreAuthorize("hasAuthority('NOTE_WRITE')")
    @Operation(summary = "Revise an unattested note", description = "Every editable field; needs If-Match. "
            + "A locked (attested) note is 409.")
    ResponseEntity<EncounterNoteView> update(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @PathVariable String noteId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody EncounterNoteRequest request) {
        EncounterNoteView note = notes.update(caller, patientId, noteId,
                ETags.expectedVersion(ifMatch, "encounter note"), request);
        return ResponseEntity.ok().eTag(ETags.of(note.version())).body(note);
    }

    @PostMapping(NOTES + "/{noteId}/attest")
    @PreAuthorize("hasAuthority('NOTE_WRITE')")
    @Operation(summary = "Attest and lock a note", description = "Needs If-Match (you attest the version you read). "
            + "By the note's author or a member whose clinician profile is a physician or QHP (403 otherwise); "
            + "sets attestedById, attestedAt and isLocked; a locked note is 409.")
    ResponseEntity<EncounterNoteView> attest(@AuthenticationPrincipal TenantPrincipal caller,
            @PathVariable String patientId, @PathVariable String noteId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        EncounterNoteView note = notes.attest(caller, patientId, noteId, ETags.expectedVersion(ifMatch, "encounter note"));
        return ResponseEntity.ok().eTag(ETags.of(note.version())).body(note);
    }
}
