package com.consumer360.security;

/** A sign-in was refused without checking the password, because the user name had too many recent failures. */
public record SignInThrottled(String username, int failures) {
}
