package org.vigil.monitoring.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.shared.web.ApiProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The device webhook: called by a vendor platform, not by a signed-in member, so it has no
 * {@code @PreAuthorize}; the security chain lets it through unauthenticated and this endpoint
 * authenticates the delivery itself by its HMAC signature over the raw body ({@link DeviceVendors})
 * before reading anything.
 */
@RestController
@Tag(name = "Devices")
class DeviceWebhookController {

    static final int MAX_BODY = 1 << 20;

    /** The body's shape, for the API documentation (the endpoint reads the raw bytes to check the signature). */
    @Schema(name = "DeviceDelivery")
    record Delivery(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Serial number or IMEI")
            String serialNumber, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<DeliveryReading> readings) {
    }

    /** One reading of a delivery. */
    @Schema(name = "DeviceDeliveryReading")
    record DeliveryReading(String metric, String loinc,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A number, boolean or string") Object value,
            String unit, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String recordedAt, String context,
            String notes) {
    }

    private final DeviceVendors vendors;
    private final DeviceWebhook webhook;
    private final JsonMapper json;

    DeviceWebhookController(DeviceVendors vendors, DeviceWebhook webhook, JsonMapper json) {
        this.vendors = vendors;
        this.webhook = webhook;
        this.json = json;
    }

    @PostMapping("/api/v1/devices/{vendor}/readings")
    @Operation(summary = "Device webhook: a vendor platform delivers one device's readings",
            description = "Body {serialNumber, readings: [{metric | loinc, value, unit?, recordedAt, context?, notes?}]} "
                    + "(at most 500), signed: X-Vigil-Timestamp (Unix seconds, within 5 minutes) and "
                    + "X-Vigil-Signature: sha256=<hex HMAC-SHA256 of \"<timestamp>.<raw body>\" under the vendor's "
                    + "secret>. 401 for any signature problem; 422 for an unknown, inactive or unassigned device "
                    + "(recorded as a refusal); 413 for a delivery over 1 MiB; 200 with one outcome per reading "
                    + "otherwise. See docs/api.md.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = Delivery.class))))
    DeviceWebhook.Result receive(@PathVariable String vendor,
            @RequestHeader(name = DeviceVendors.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(name = DeviceVendors.SIGNATURE_HEADER, required = false) String signature,
            @Parameter(hidden = true) InputStream delivery) throws IOException {
        // anyone may call this endpoint: read no more than a delivery may hold, whatever is sent
        byte[] body = delivery.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw ApiProblem.tooLarge("Delivery too large", "A delivery is at most 1 MiB; send fewer readings.");
        }
        if (body.length == 0 || !vendors.verify(vendor, timestamp, signature, body)) {
            throw ApiProblem.unauthorized("Invalid signature", "The delivery is not signed with this vendor's "
                    + "webhook secret, or its timestamp is missing or more than 5 minutes off.");
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("Malformed JSON", "The body is not valid JSON.");
        }
        return webhook.receive(vendor, parsed);
    }
}
