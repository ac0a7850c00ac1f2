package com.positionlab.service.sizing;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import com.positionlab.service.Json;
import com.positionlab.service.ValidationException;
import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;

/**
 * The JSON of sizing rules: the exported file (an array of rules whose fields are named as in the sizing
 * request, {@code sizing_parameters} and {@code risk_constraints}) and the {@code parameters} column of a
 * stored rule. Fields that are not set are left out. Reading turns every way the JSON can be wrong into a
 * {@link ValidationException} whose field is a path such as {@code [2].sizing_parameters.confidence_level}.
 */
final class RuleDocuments {

    /** Default of {@code active} for an imported rule that does not say. */
    static final boolean DEFAULT_ACTIVE = true;
    /** Default of {@code priority} for an imported rule that does not say (the column default). */
    static final int DEFAULT_PRIORITY = 100;

    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    /** One rule in an exported file. */
    @JsonPropertyOrder({"rule_id", "rule_name", "description", "active", "priority", "sizing_parameters",
            "risk_constraints"})
    record RuleDocument(String ruleId, String ruleName, String description, Boolean active, Integer priority,
                        SizingParameters sizingParameters, RiskConstraints riskConstraints) {

        static RuleDocument of(SizingRule r) {
            return new RuleDocument(r.ruleId(), r.ruleName(), r.description(), r.active(), r.priority(),
                    r.parameters(), r.constraints());
        }

        SizingRule toRule() {
            return new SizingRule(ruleId, ruleName, description, active == null ? DEFAULT_ACTIVE : active,
                    priority == null ? DEFAULT_PRIORITY : priority, sizingParameters, riskConstraints);
        }
    }

    /** What the {@code parameters} column holds. */
    record StoredParameters(SizingParameters sizingParameters, RiskConstraints riskConstraints) {
    }

    private RuleDocuments() {
    }

    /** The rules as a JSON array, in the order given. */
    static String write(List<SizingRule> rules) {
        try {
            return MAPPER.writeValueAsString(rules.stream().map(RuleDocument::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write sizing rules as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The rules of a JSON array, with {@code active} and {@code priority} defaulted; not validated. */
    static List<SizingRule> read(String json) {
        if (json == null || json.isBlank()) {
            throw new ValidationException("$", "is empty; expected a JSON array of sizing rules");
        }
        try {
            RuleDocument[] docs = MAPPER.readValue(json, RuleDocument[].class);
            if (docs == null) {
                throw new ValidationException("$", "is null; expected a JSON array of sizing rules");
            }
            for (int i = 0; i < docs.length; i++) {
                if (docs[i] == null) {
                    throw new ValidationException("[" + i + "]", "is null; expected a sizing rule");
                }
            }
            return Arrays.stream(docs).map(RuleDocument::toRule).toList();
        } catch (JsonParseException e) {
            throw malformed(e);
        } catch (UnrecognizedPropertyException e) {
            throw new ValidationException(path(e), "is not a field of a sizing rule");
        } catch (InvalidFormatException e) {
            throw new ValidationException(path(e), "must be " + describe(e.getTargetType()) + ", got \""
                    + e.getValue() + "\"");
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input")) {
                throw malformed(e);
            }
            if (e.getPath().isEmpty()) {
                throw new ValidationException("$", "must be a JSON array of sizing rules");
            }
            throw new ValidationException(path(e), "must be " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException cause) {
                throw malformed(cause);
            }
            throw new ValidationException(path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ValidationException("$", e.getOriginalMessage());
        }
    }

    /** The {@code parameters} column of a rule. */
    static String parametersJson(SizingRule rule) {
        try {
            return MAPPER.writeValueAsString(new StoredParameters(rule.parameters(), rule.constraints()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the parameters of rule " + rule.ruleId() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Reads a {@code parameters} column. */
    static StoredParameters readParameters(String ruleId, String json) {
        try {
            return MAPPER.readValue(json, StoredParameters.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored parameters of sizing rule " + ruleId + " are not readable: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static ValidationException malformed(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (start marker");
        if (cut < 0) {
            cut = message.indexOf("\n");
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return new ValidationException("$", "malformed JSON" + where + ": "
                + (cut < 0 ? message : message.substring(0, cut)));
    }

    /** {@code [2].sizing_parameters.confidence_level}. */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }
}
