package com.consumer360.customsegments;

/**
 * What is wrong with a definition or a draft, and where: {@code field} is "name", "description", "sharedWith",
 * "definition" (the whole) or a path into the definition such as {@code rules[1].rules[0].values[1]}.
 */
public record DefinitionProblem(String field, String message) {

    /** The path of the criterion or group the problem is in, without the part inside it (e.g. ".values[1]"). */
    public String rulePath() {
        int cut = field.length();
        for (String part : new String[] {".values", ".operator", ".attribute", ".days", ".match"}) {
            int at = field.indexOf(part);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return field.substring(0, cut);
    }
}
