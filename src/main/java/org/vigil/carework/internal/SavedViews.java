package org.vigil.carework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.vigil.carework.ViewType;
import org.vigil.shared.persistence.RefusedWrite;
import org.vigil.shared.web.ApiProblem;
import org.vigil.shared.web.ETags;
import org.vigil.shared.web.PageQuery;
import org.vigil.shared.web.PageResponse;
import org.vigil.tenancy.TenantPrincipal;
import org.vigil.tenancy.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved filters for the lists and the triage queue, per user and optionally shared. The rules:
 * <ul>
 * <li>A view's name is unique among its owner's views (409 naming {@code name}).</li>
 * <li>A user has at most one default view per view type: making a view the default clears the
 * previous one in the same transaction (serialized per user and type).</li>
 * <li>Everyone sees their own views and the organization's shared ones; another member's private
 * view does not exist for them (404). Only the owner changes or deletes a view: a shared view is
 * read-only for the others (403).</li>
 * <li>Using a view counts it ({@code usageCount}, {@code lastUsedAt}) without changing its
 * version, so the owner's ETag stays valid.</li>
 * </ul>
 * Saved views are not PHI and not audited as records (filters carry names, not values of patients).
 */
@Service
class SavedViews {

    private static final Sort ORDER = Sort.by("viewType", "name", "id");

    private final TenantScope tenantScope;
    private final SavedViewRepository views;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    SavedViews(TenantScope tenantScope, SavedViewRepository views, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.tenantScope = tenantScope;
        this.views = views;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    SavedViewView create(TenantPrincipal caller, SavedViewRequest request) {
        String filters = bounded("filters", request.filters());
        String display = bounded("displayConfig", request.displayConfig());
        return refusingDuplicates(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            SavedView view = new SavedView(caller.organizationId(), caller.userId(), request.name().trim(),
                    request.viewType());
            apply(caller, view, request, filters, display);
            return view(caller, views.saveAndFlush(view));
        }));
    }

    PageResponse<SavedViewView> list(TenantPrincipal caller, ViewType viewType, PageQuery paging) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            Page<SavedView> page = viewType == null ? views.findVisible(caller.userId(), paging.pageable(ORDER))
                    : views.findVisible(caller.userId(), viewType, paging.pageable(ORDER));
            return PageResponse.of(page, view -> view(caller, view));
        });
    }

    SavedViewView get(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> view(caller, visible(caller, id)));
    }

    SavedViewView update(TenantPrincipal caller, String id, long expectedVersion, SavedViewRequest request) {
        String filters = bounded("filters", request.filters());
        String display = bounded("displayConfig", request.displayConfig());
        return refusingDuplicates(() -> tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            SavedView view = owned(caller, id);
            ETags.check(expectedVersion, view.getVersion(), "saved view");
            view.setName(request.name().trim());
            view.setViewType(request.viewType());
            apply(caller, view, request, filters, display);
            return view(caller, views.saveAndFlush(view));
        }));
    }

    void delete(TenantPrincipal caller, String id) {
        tenantScope.run(caller.organizationId(), caller.userId(), () -> {
            views.delete(owned(caller, id));
            views.flush();
        });
    }

    /** Counts one use of a view the caller can see (their own or a shared one). */
    SavedViewView use(TenantPrincipal caller, String id) {
        return tenantScope.call(caller.organizationId(), caller.userId(), () -> {
            int counted = jdbc.update("UPDATE saved_views SET usage_count = usage_count + 1, last_used_at = ? "
                    + "WHERE id = ? AND (user_id = ? OR is_shared)", Timestamp.from(clock.instant()), id,
                    caller.userId());
            if (counted == 0) {
                throw ApiProblem.notFound("saved view");
            }
            return view(caller, visible(caller, id));
        });
    }

    private void apply(TenantPrincipal caller, SavedView view, SavedViewRequest request, String filters,
            String display) {
        boolean isDefault = Boolean.TRUE.equals(request.isDefault());
        if (isDefault) {
            // One default per user and type: serialize this user's changes of it, then clear the old one.
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended('saved_views:' || ? || ':' || ?, 0))",
                    caller.userId(), request.viewType().name());
            jdbc.update("UPDATE saved_views SET is_default = false, version = version + 1 WHERE user_id = ? "
                    + "AND view_type = ? AND is_default AND id <> ?", caller.userId(), request.viewType().name(),
                    view.getId());
        }
        view.setDescription(request.description());
        view.setFilters(filters);
        view.setDisplayConfig(display);
        view.setShared(Boolean.TRUE.equals(request.isShared()));
        view.setDefault(isDefault);
    }

    private SavedView visible(TenantPrincipal caller, String id) {
        return views.findById(id).filter(view -> view.getUserId().equals(caller.userId()) || view.isShared())
                .orElseThrow(() -> ApiProblem.notFound("saved view"));
    }

    private SavedView owned(TenantPrincipal caller, String id) {
        SavedView view = visible(caller, id);
        if (!view.getUserId().equals(caller.userId())) {
            throw ApiProblem.forbidden("Not your view", "A shared view can only be changed or deleted by the member "
                    + "who saved it; save a copy of your own instead.");
        }
        return view;
    }

    private String bounded(String field, JsonNode value) {
        org.vigil.shared.web.BoundedJson.problem(value, SavedViewRequest.MAX_JSON_BYTES).ifPresent(problem -> {
            throw ApiProblem.invalid(field, problem);
        });
        return value == null || value.isNull() || value.isMissingNode() ? "{}" : json.writeValueAsString(value);
    }

    private SavedViewView view(TenantPrincipal caller, SavedView view) {
        return new SavedViewView(view.getId(), view.getUserId(), view.getUserId().equals(caller.userId()),
                view.getName(), view.getDescription(), view.getViewType(), json.readTree(view.getFilters()),
                json.readTree(view.getDisplayConfig()), view.isShared(), view.isDefault(), view.getUsageCount(),
                view.getLastUsedAt(), view.getCreatedAt(), view.getUpdatedAt(), view.getVersion());
    }

    private static <T> T refusingDuplicates(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException e) {
            if ("saved_views_organization_id_user_id_name_key".equals(RefusedWrite.constraint(e))) {
                throw ApiProblem.conflict("name", "Name taken", "You already have a saved view with this name.");
            }
            throw e;
        }
    }
}
