package org.vigil.tenancy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the typed part of {@code organizations.settings} (camelCase keys
 * {@code slaMinutes}, {@code billingProgramsOffered}, {@code mfaRequired}, {@code branding}). Keys it does not know
 * are kept as they are; a missing or malformed value reads as its default.
 */
@Component
class SettingsJson {

    private final JsonMapper json;

    SettingsJson(JsonMapper json) {
        this.json = json;
    }

    OrganizationSettings read(String timeZone, String stored) {
        JsonNode root = parse(stored);
        Map<String, Integer> sla = new LinkedHashMap<>();
        JsonNode slaNode = root.path("slaMinutes");
        for (String severity : OrganizationSettings.SEVERITIES) {
            JsonNode minutes = slaNode.path(severity);
            if (minutes.isInt() && minutes.intValue() > 0) {
                sla.put(severity, minutes.intValue());
            }
        }
        List<String> programs = new ArrayList<>();
        root.path("billingProgramsOffered").forEach(program -> {
            if (program.isString()) {
                programs.add(program.asString());
            }
        });
        boolean mfa = root.path("mfaRequired").isBoolean() && root.path("mfaRequired").booleanValue();
        JsonNode branding = root.path("branding");
        return new OrganizationSettings(timeZone, sla, programs, mfa, new Branding(
                text(branding.path("logoUrl"), LogoUrl.Validator::valid),
                text(branding.path("primaryColor"), colour -> colour.matches(Branding.COLOUR))));
    }

    /** A stored text that is still valid, or null (a malformed value reads as none). */
    private static String text(JsonNode node, java.util.function.Predicate<String> valid) {
        return node.isString() && valid.test(node.asString()) ? node.asString() : null;
    }

    /** {@code stored} with the typed settings written over it (the time zone lives in its own column). */
    String write(String stored, OrganizationSettings settings) {
        ObjectNode root = parse(stored);
        ObjectNode sla = root.putObject("slaMinutes");
        settings.slaMinutes().forEach(sla::put);
        ArrayNode programs = root.putArray("billingProgramsOffered");
        settings.billingProgramsOffered().forEach(programs::add);
        root.put("mfaRequired", settings.mfaRequired());
        ObjectNode branding = root.putObject("branding");
        if (settings.branding().logoUrl() != null) {
            branding.put("logoUrl", settings.branding().logoUrl());
        }
        if (settings.branding().primaryColor() != null) {
            branding.put("primaryColor", settings.branding().primaryColor());
        }
        return json.writeValueAsString(root);
    }

    private ObjectNode parse(String stored) {
        if (stored != null && !stored.isBlank()) {
            JsonNode node = json.readTree(stored);
            if (node instanceof ObjectNode object) {
                return object;
            }
        }
        return json.createObjectNode();
    }
}
