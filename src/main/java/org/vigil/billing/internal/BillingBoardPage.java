package org.vigil.billing.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.vigil.identity.Caller;
import org.vigil.shared.web.WebPage;
import org.vigil.tenancy.Permission;

/**
 * The billing board ({@code /billing}): the month's summary and every patient's progress toward each
 * code, with what is missing and by when; the claims CSV through the web session; closing the month
 * (from a confirmation dialog; a refusal is shown in the dialog).
 */
@WebPage
class BillingBoardPage {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final Map<String, String> NOTICES = Map.of("closed",
            "The month is closed: its claim lines are kept as a snapshot that never changes.");

    private final BillingBoard board;
    private final BillingReadiness billing;

    BillingBoardPage(BillingBoard board, BillingReadiness billing) {
        this.board = board;
        this.billing = billing;
    }

    @GetMapping("/billing")
    @PreAuthorize("hasAuthority('BILLING_READ')")
    String board(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String month,
            @RequestParam(required = false) String status, @RequestParam(required = false) String code,
            @RequestParam(required = false, defaultValue = "0") int page, @RequestParam(required = false) String done,
            Model model) {
        YearMonth m = board.month(caller, month);
        BillingBoard.BoardStatus wanted = BillingBoard.status(status);
        String wantedCode = code == null || code.isBlank() || code.length() > 10 ? null : code.trim();
        BillingBoard.Board b = board.board(caller, m, wanted, wantedCode, page);
        model.addAttribute("board", b);
        model.addAttribute("monthName", m.format(MONTH_NAME));
        model.addAttribute("previousMonth", m.minusMonths(1).toString());
        model.addAttribute("nextMonth", m.plusMonths(1).toString());
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("code", wantedCode == null ? "" : wantedCode);
        model.addAttribute("statuses", BillingBoard.BoardStatus.values());
        model.addAttribute("mayClose", caller.may(Permission.BILLING_MANAGE));
        model.addAttribute("notice", done == null ? null : NOTICES.get(done));
        model.addAttribute("pageLink", new PageLinks(m.toString(), wanted == null ? null : wanted.name(), wantedCode));
        return "billing";
    }

    /** Links to other pages of the same filtered board. */
    record PageLinks(String month, String status, String code) {
        public String to(int page) {
            return UriComponentsBuilder.fromPath("/billing").queryParam("month", month)
                    .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                    .queryParamIfPresent("code", java.util.Optional.ofNullable(code))
                    .queryParam("page", page).encode().build().toUriString();
        }
    }

    @GetMapping(value = "/billing/claims.csv")
    @PreAuthorize("hasAuthority('BILLING_READ')")
    ResponseEntity<String> claims(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String month) {
        String csv = billing.claimsCsv(caller, month);
        String name = "billing-claims-" + board.month(caller, month) + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(csv);
    }

    @PostMapping("/billing/close")
    @PreAuthorize("hasAuthority('BILLING_MANAGE')")
    ResponseEntity<Void> close(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String month,
            HttpServletRequest request) {
        String closed = billing.close(caller, month).month();
        String target = UriComponentsBuilder.fromPath("/billing").queryParam("month", closed)
                .queryParam("done", "closed").encode().build().toUriString();
        if (request.getHeader("HX-Request") != null) {
            return ResponseEntity.noContent().header("HX-Redirect", target).build();
        }
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, target).build();
    }
}
