package com.consumer360.support;

import java.nio.file.Path;

/**
 * The directory of the tests' embedded PostgreSQL: {@code consumer360.test.data-dir}, which the build sets to one
 * directory per test JVM (surefire's fork number, so that parallel forks never share a database), or
 * target/test-data when a test is run otherwise.
 */
public final class TestDataDir {

    /** The system property naming the directory; {@link PortalIntegration} passes it to the portal. */
    public static final String PROPERTY = "consumer360.test.data-dir";

    private TestDataDir() {
    }

    public static Path path() {
        return Path.of(System.getProperty(PROPERTY, "target/test-data"));
    }
}
