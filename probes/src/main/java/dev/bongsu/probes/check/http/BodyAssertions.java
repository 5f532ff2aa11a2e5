package dev.bongsu.probes.check.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bongsu.model.config.HttpTarget;
import dev.bongsu.model.config.JsonAssertion;

/** Checks a response body (as far as it was read) against a target's keyword and JSON-pointer assertions. */
public final class BodyAssertions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BodyAssertions() {
    }

    /** Whether {@code target} asserts anything on the body, so the body must be kept. */
    public static boolean needsBody(HttpTarget target) {
        return target.bodyContains() != null || target.json() != null;
    }

    /** {@code null} when the body satisfies the target's assertions, else why not. */
    public static String check(HttpTarget target, HttpResponseParser response) {
        String bound = response.truncated() ? " (within the first " + target.maxBodyBytes() + " bytes read)" : "";
        if (target.bodyContains() != null && !response.bodyText().contains(target.bodyContains())) {
            return "body does not contain '" + HttpResponseParser.printable(target.bodyContains()) + "'" + bound;
        }
        JsonAssertion json = target.json();
        if (json == null) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.bodyBytes());
        } catch (JsonProcessingException e) {
            return "body is not valid JSON" + bound;
        } catch (java.io.IOException e) {
            return "body could not be read as JSON" + bound;
        }
        if (root == null) {
            return "body is empty, expected JSON";
        }
        JsonNode at = root.at(json.pointer());
        if (at.isMissingNode()) {
            return "JSON pointer " + json.pointer() + " not found";
        }
        String text = at.isValueNode() ? at.asText() : at.toString();
        if (!text.equals(json.equals())) {
            return "JSON " + json.pointer() + " is '" + HttpResponseParser.printable(text) + "', expected '"
                    + HttpResponseParser.printable(json.equals()) + "'";
        }
        return null;
    }
}
