package com.consumer360.rfm;

/** A customer found by a search, within the user's regions. */
public record CustomerMatch(long customerId, String code, String name, String region, String country) {
}
