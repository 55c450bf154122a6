package com.consumer360.customsegments;

import java.util.List;
import java.util.Map;

/** The values the builder offers for enumerations, within the author's scope: region code to name, countries, segments. */
public record Choices(Map<String, String> regions, List<String> countries, List<String> segments) {
}
