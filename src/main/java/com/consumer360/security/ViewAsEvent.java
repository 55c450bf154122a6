package com.consumer360.security;

/** An admin started ({@code started}) or ended viewing the portal as {@code viewed}. */
public record ViewAsEvent(String admin, String viewed, boolean started) {
}
