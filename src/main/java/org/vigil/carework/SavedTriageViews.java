package org.vigil.carework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.tenancy.TenantPrincipal;

/**
 * The member's saved views of the triage queue ({@link ViewType#TRIAGE_QUEUE}) for the triage page:
 * their own and the organization's shared ones, and saving the current filters as a new view. The
 * same rules as the saved-views API (a name unique among the member's views, at most 100
 * characters); a refused name is an {@code ApiProblem} naming the field {@code name}.
 */
public interface SavedTriageViews {

    /** {@code filters}: the queue's filters as the page stores them (a JSON object's values). */
    record SavedTriageView(String id, String name, boolean owned, boolean isDefault, Map<String, Object> filters) {
    }

    /** The caller's own and the shared triage views, by name (at most 100). */
    List<SavedTriageView> list(TenantPrincipal caller);

    /** One view the caller can see, counting a use of it; empty when there is no such view for them. */
    Optional<SavedTriageView> use(TenantPrincipal caller, String id);

    /** Saves the filters as the caller's new private view. */
    SavedTriageView save(TenantPrincipal caller, String name, Map<String, Object> filters);
}
