package com.consumer360.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonTextTest {

    @Test
    void writesJsonThatAStandardParserReadsBack() {
        String text = JsonText.of(OutputFiles.object(
                "name", "quote \" backslash \\ newline \n tab \t bell \u0007 é",
                "count", 42L,
                "share", 0.25,
                "nan", Double.NaN,
                "none", null,
                "flag", true,
                "empty", List.of(),
                "nested", List.of(Map.of("a", 1), OutputFiles.object())));

        JsonNode json = JsonMapper.shared().readTree(text);

        assertThat(json.get("name").asString()).isEqualTo("quote \" backslash \\ newline \n tab \t bell \u0007 é");
        assertThat(json.get("count").asLong()).isEqualTo(42);
        assertThat(json.get("share").asDouble()).isEqualTo(0.25);
        assertThat(json.get("nan").isNull()).isTrue();
        assertThat(json.get("none").isNull()).isTrue();
        assertThat(json.get("flag").asBoolean()).isTrue();
        assertThat(json.get("empty")).isEmpty();
        assertThat(json.get("nested").get(0).get("a").asInt()).isEqualTo(1);
        assertThat(json.propertyNames()).containsExactly("name", "count", "share", "nan", "none", "flag", "empty",
                "nested");
    }
}
