package org.vigil.billing.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigil.billing.engine.Catalog.CodeRule;
import org.vigil.billing.engine.Catalog.Kind;
import org.vigil.billing.engine.Catalog.TimePerformer;
import org.vigil.billing.engine.Facts.Contact;
import org.vigil.billing.engine.Facts.Performer;

/** An enrollment's time entries: the minutes that count for a code and whether the patient was reached live. */
final class CountedMinutes {

    private final Facts.Enrollment e;
    private final Kind kind;
    private final BillingPolicy policy;

    CountedMinutes(EnrollmentMonth s, BillingPolicy policy) {
        this.e = s.enrollment();
        this.kind = s.kind();
        this.policy = policy;
    }

    boolean interactive(List<Facts.TimeEntry> entries) {
        // verified row 6, §C rule 9: live phone or video; secure messaging only by policy (UNRESOLVED, off by default).
        for (Facts.TimeEntry t : entries) {
            if (t.contact() == Contact.LIVE_AUDIO_VIDEO || (t.contact() == Contact.SECURE_MESSAGE && policy.secureMessagingCounts())) {
                return true;
            }
        }
        return false;
    }

    List<Facts.TimeEntry> entriesBetween(LocalDate from, LocalDate to) {
        if (e.time().isEmpty()) {
            return List.of();
        }
        List<Facts.TimeEntry> out = new ArrayList<>();
        for (Facts.TimeEntry t : e.time()) {
            if (!t.date().isBefore(from) && !t.date().isAfter(to)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Minutes that count for a code: by capacity, or only the billing practitioner's own (verified rows 7–9). */
    int minutes(Set<TimePerformer> performers, List<Facts.TimeEntry> entries) {
        Facts.Clinician billing = e.billingClinician();
        int total = 0;
        for (Facts.TimeEntry t : entries) {
            boolean counts = t.performer() != Performer.UNKNOWN && performers.contains(TimePerformer.valueOf(t.performer().name()));
            if (!counts && performers.contains(TimePerformer.BILLING_PRACTITIONER) && billing != null
                    && billing.clinicianId().equals(t.clinicianId())
                    && (t.performer().physicianOrQhp() || (kind == Kind.RTM && t.performer() == Performer.THERAPIST))) {
                counts = true;
            }
            if (counts) {
                total += t.minutes();
            }
        }
        return total;
    }

    /** Whether the code counts the billing practitioner's own time (performer BILLING_PRACTITIONER). */
    boolean personal(CodeRule c) {
        return c.performers().contains(TimePerformer.BILLING_PRACTITIONER);
    }

    /** A shortfall in minutes: "5 more minutes", "of the billing practitioner's own time" added for a personal code. */
    String minutesWord(int n, CodeRule c) {
        return n + " more minute" + (n == 1 ? "" : "s") + (personal(c) ? " of the billing practitioner's own time" : "");
    }
}
