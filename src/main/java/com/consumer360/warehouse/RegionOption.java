package com.consumer360.warehouse;

/** A region the signed-in user can filter by: one that has rows in their scoped view of the current snapshot. */
public record RegionOption(short id, String name) {
}
