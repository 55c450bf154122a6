package com.consumer360.clv;

import java.time.LocalDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the model summary the refresh stores with a snapshot (refresh.ModelSummary writes it). */
final class ModelJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode root;

    ModelJson(String json) {
        this.root = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
    }

    /** The full fit and the CLV settings, or null when the snapshot has no CLV. */
    ClvModel model() {
        JsonNode clv = root.path("clv");
        if (!clv.isObject()) {
            return null;
        }
        JsonNode gg = clv.path("gamma_gamma");
        return new ClvModel(LocalDate.parse(clv.path("calibration_end").asString()),
                clv.path("horizon_weeks").asDouble(), clv.path("clv_months").asInt(),
                clv.path("monthly_discount_rate").asDouble(), bgNbd(clv.path("bgnbd")), gg.path("p").asDouble(),
                gg.path("q").asDouble(), gg.path("v").asDouble(), gg.path("log_likelihood").asDouble());
    }

    /** Why the snapshot has no CLV or no holdout check, or null. */
    String note() {
        JsonNode note = root.path("clv_note");
        return note.isString() ? note.asString() : null;
    }

    /** The stored holdout check, or null without one (or from a refresh that predates the refitted parameters). */
    JsonNode holdout() {
        JsonNode check = root.path("holdout_check");
        return check.isObject() && check.path("bgnbd").isObject() ? check : null;
    }

    static ClvModel.BgNbdParameters bgNbd(JsonNode bg) {
        return new ClvModel.BgNbdParameters(bg.path("r").asDouble(), bg.path("alpha").asDouble(),
                bg.path("a").asDouble(), bg.path("b").asDouble(), bg.path("log_likelihood").asDouble(),
                bg.path("customers").asLong());
    }
}
