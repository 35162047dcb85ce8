package org.vigil.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vigil.support.Api;
import org.vigil.support.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document lists every API endpoint the application serves, with its method, and every
 * request body has a schema that resolves to a component: an endpoint added without documentation
 * fails here.
 */
@VigilIntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsDocumentedWithItsRequestSchema() {
        Api.Response response = new Api(port).get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        JsonNode paths = document.get("paths");
        JsonNode schemas = document.get("components").get("schemas");

        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String path : entry.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    checked++;
                    JsonNode operation = paths.path(path).path(method.name().toLowerCase(Locale.ROOT));
                    if (operation.isMissingNode()) {
                        missing.add(method + " " + path);
                        continue;
                    }
                    boolean takesBody = java.util.Arrays.stream(entry.getValue().getMethodParameters())
                            .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
                    if (takesBody) {
                        JsonNode schema = operation.path("requestBody").path("content").path("application/json")
                                .path("schema");
                        String reference = schema.path("$ref").asString("");
                        if (reference.isEmpty() || !schemas.has(reference.substring(reference.lastIndexOf('/') + 1))) {
                            missing.add(method + " " + path + " (request schema)");
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(missing).isEmpty();
        assertThat(schemas.get("PatientRequest").get("required").toString())
                .contains("firstName", "lastName", "dateOfBirth");
        // the device webhook reads its raw body itself (to bound it and check its signature): documented all the same
        assertThat(paths.path("/api/v1/devices/{vendor}/readings").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asString("")).endsWith("/DeviceDelivery");
    }
}
