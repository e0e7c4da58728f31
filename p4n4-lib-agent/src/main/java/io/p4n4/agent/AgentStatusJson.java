package io.p4n4.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.AgentStatus;

/**
 * The JSON form of {@link AgentStatus}, as stored in {@code status.<device>}:
 * {@code {"deviceId":..., "state":"ACTIVE", "deployments":{...}, "lastError":..., "timestamp":...}}.
 * Readers ignore unknown fields. Stateless and thread-safe.
 */
public final class AgentStatusJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private AgentStatusJson() {
    }

    /** Returns the status as compact JSON. */
    public static String write(AgentStatus status) {
        try {
            return MAPPER.writeValueAsString(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an agent status could not be written as JSON", e);
        }
    }

    /**
     * Reads a status document.
     *
     * @throws P4n4Exception (VALIDATION) when it is not a status document
     */
    public static AgentStatus read(String json) {
        try {
            return MAPPER.readValue(json, AgentStatus.class);
        } catch (JsonProcessingException e) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "not an agent status document: "
                    + e.getOriginalMessage(), e);
        }
    }
}
