package com.consumer360.customsegments;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a definition may name, as far as its author's scope goes: region codes with their names, countries of the
 * author's customers, RFM segment labels, and a look-up answering which of some product codes do not exist.
 */
record Vocabulary(Map<String, String> regions, Set<String> countries, List<String> segments,
                  Function<Collection<String>, Set<String>> unknownProducts) {
}
