package org.vigil.carework.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.vigil.carework.SavedTriageViews;
import org.vigil.carework.ViewType;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.PageQuery;
import org.vigil.tenancy.TenantPrincipal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link SavedTriageViews} on {@link SavedViews} (the saved-views API's service and rules). */
@Component
class SavedTriageViewQueries implements SavedTriageViews {

    static final int MAX_NAME = 100;

    private final SavedViews views;
    private final JsonMapper json;

    SavedTriageViewQueries(SavedViews views, JsonMapper json) {
        this.views = views;
        this.json = json;
    }

    @Override
    public List<SavedTriageView> list(TenantPrincipal caller) {
        return views.list(caller, ViewType.TRIAGE_QUEUE, new PageQuery(0, PageQuery.MAX_SIZE)).items().stream()
                .sorted(java.util.Comparator.comparing(SavedViewView::name, String.CASE_INSENSITIVE_ORDER))
                .map(this::view).toList();
    }

    @Override
    public Optional<SavedTriageView> use(TenantPrincipal caller, String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        try {
            SavedViewView view = views.use(caller, id);
            return view.viewType() == ViewType.TRIAGE_QUEUE ? Optional.of(view(view)) : Optional.empty();
        } catch (ApiProblem problem) {
            if (problem.getStatusCode().value() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    @Override
    public SavedTriageView save(TenantPrincipal caller, String name, Map<String, Object> filters) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw ApiProblem.invalid("name", "is required");
        }
        if (trimmed.length() > MAX_NAME) {
            throw ApiProblem.invalid("name", "must be at most " + MAX_NAME + " characters");
        }
        JsonNode tree = json.valueToTree(filters == null ? Map.of() : filters);
        return view(views.create(caller, new SavedViewRequest(trimmed, null, ViewType.TRIAGE_QUEUE, tree, null,
                false, false)));
    }

    @SuppressWarnings("unchecked")
    private SavedTriageView view(SavedViewView view) {
        Map<String, Object> filters = view.filters() == null || !view.filters().isObject() ? Map.of()
                : json.treeToValue(view.filters(), Map.class);
        return new SavedTriageView(view.id(), view.name(), view.owned(), view.isDefault(), filters);
    }
}
