package com.positionlab.service.sizing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.positionlab.service.Json;
import com.positionlab.service.JsonRequests;
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
        RuleDocument[] docs = JsonRequests.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                RuleDocument[].class, "$", "a sizing rule");
        for (int i = 0; i < docs.length; i++) {
            if (docs[i] == null) {
                throw new ValidationException("[" + i + "]", "is null; expected a sizing rule");
            }
        }
        return Arrays.stream(docs).map(RuleDocument::toRule).toList();
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
}
