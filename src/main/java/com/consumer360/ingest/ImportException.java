package com.consumer360.ingest;

/** An import refused because of its input (file, mapping or options); the message says where and why. */
public final class ImportException extends Exception {

    public ImportException(String message) {
        super(message);
    }
}
