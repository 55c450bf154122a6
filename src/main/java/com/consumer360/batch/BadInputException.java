package com.consumer360.batch;

/** A user's mistake (arguments, files, contents); its message is the one line printed before exit code 2. */
public final class BadInputException extends Exception {

    public BadInputException(String message) {
        super(message);
    }

    /** A problem at a place in a file: "FILE: line N, column NAME: problem". */
    static BadInputException at(String file, long line, String column, String problem) {
        return new BadInputException(file + ": line " + line + ", column " + column + ": " + problem);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // never printed, and reading millions of lines may throw one: skip the cost
    }
}
