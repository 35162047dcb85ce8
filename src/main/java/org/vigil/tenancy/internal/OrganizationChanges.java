package org.vigil.tenancy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Applies a partial organization change and remembers which fields really changed (names only). */
final class OrganizationChanges {

    private final Organization organization;
    private final SettingsJson settingsJson;
    private final List<String> names = new ArrayList<>();

    OrganizationChanges(Organization organization, SettingsJson settingsJson) {
        this.organization = organization;
        this.settingsJson = settingsJson;
    }

    void apply(OrganizationRequests.Update request, String normalizedDomain) {
        change("name", organization.getName(), request.name() == null ? null : request.name().trim(),
                organization::setName);
        change("type", organization.getType(), request.type(), organization::setType);
        change("domain", organization.getDomain(), normalizedDomain, organization::setDomain);
        change("email", organization.getEmail(), request.email(), organization::setEmail);
        change("phone", organization.getPhone(), request.phone(), organization::setPhone);
        change("address", organization.getAddress(), request.address(), organization::setAddress);
        change("website", organization.getWebsite(), request.website(), organization::setWebsite);
        change("timeZone", organization.getTimeZone(), request.timeZone(), organization::setTimeZone);
        change("active", organization.isActive(), request.active(), organization::setActive);
        clear(request.cleared().contains("domain"), "domain", organization.getDomain(), organization::setDomain);
        clear(request.cleared().contains("email"), "email", organization.getEmail(), organization::setEmail);
        clear(request.cleared().contains("phone"), "phone", organization.getPhone(), organization::setPhone);
        clear(request.cleared().contains("address"), "address", organization.getAddress(), organization::setAddress);
        clear(request.cleared().contains("website"), "website", organization.getWebsite(), organization::setWebsite);
        if (request.settings() != null) {
            OrganizationSettings current = settingsJson.read(organization.getTimeZone(), organization.getSettings());
            OrganizationSettings next = request.settings().applyTo(current);
            List<String> changed = next.changedFrom(current);
            if (!changed.isEmpty()) {
                organization.setSettings(settingsJson.write(organization.getSettings(), next));
                changed.forEach(field -> names.add("settings." + field));
            }
        }
    }

    List<String> names() {
        return List.copyOf(names);
    }

    private void clear(boolean asked, String name, String current, Consumer<String> setter) {
        if (asked && current != null) {
            setter.accept(null);
            names.add(name);
        }
    }

    private <T> void change(String name, T current, T requested, Consumer<T> setter) {
        if (requested != null && !Objects.equals(current, requested)) {
            setter.accept(requested);
            names.add(name);
        }
    }
}
