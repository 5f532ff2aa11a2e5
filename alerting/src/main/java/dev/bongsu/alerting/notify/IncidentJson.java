package dev.bongsu.alerting.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bongsu.model.Hypothesis;
import dev.bongsu.model.Incident;
import dev.bongsu.model.ModelJson;
import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;

/** The incident as the public API shows it (the model's JSON mapping), for payloads. */
public final class IncidentJson {
    private static final ObjectMapper MAPPER = ModelJson.newMapper();

    private IncidentJson() {
    }

    /** The incident as a JSON object, keys in record order. */
    public static JsonObject of(Incident incident) {
        try {
            return new JsonObject(MAPPER.writeValueAsString(incident));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode incident " + incident.id(), e);
        }
    }

    /** A hypothesis as the public API shows it inside an incident. */
    public static JsonObject of(Hypothesis hypothesis) {
        try {
            return new JsonObject(MAPPER.writeValueAsString(hypothesis));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode hypothesis " + hypothesis.attribute(), e);
        }
    }

    /** The model's mapper, for reading incidents back. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
