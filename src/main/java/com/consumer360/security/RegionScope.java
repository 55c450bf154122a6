package com.consumer360.security;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The regions whose customer-level rows a database session may see. Bound to every connection as the
 * PostgreSQL setting {@code app.region_ids}; an empty scope sees nothing.
 *
 * @param regionIds the visible regions
 * @param principal who the scope belongs to: a user name, or a system scope such as {@code system:refresh}
 */
public record RegionScope(Set<Short> regionIds, String principal) {

    /** The scope that sees nothing; used when nobody is signed in. */
    public static final RegionScope NONE = new RegionScope(Set.of(), "anonymous");

    public RegionScope {
        regionIds = Set.copyOf(new TreeSet<>(regionIds));
    }

    /** The value of {@code app.region_ids}: region ids in ascending order, comma-separated. */
    public String settingValue() {
        return new TreeSet<>(regionIds).stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
