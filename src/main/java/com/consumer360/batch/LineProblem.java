package com.consumer360.batch;

/** One unreadable data line of a transaction file: its line in the file, the column, the value and why. */
public record LineProblem(long line, String column, String value, String reason) {
}
