package com.consumer360.batch;

import com.consumer360.analytics.TransactionTableBuilder;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.PrintStream;

/**
 * FastCSV callback that feeds each data line of one file straight into the table builder, skipping the
 * header. Working on the parser's buffer instead of per-field Strings keeps the 541,909-line run within its
 * time and memory budget. Unreadable lines are skipped and counted; the first one is kept for the message.
 */
final class TransactionLineHandler extends AbstractBaseCsvCallbackHandler<Boolean> {

    private final String file;
    private final LineParser parser;
    private final TransactionTableBuilder table;
    private final PrintStream progress;
    private boolean header = true;
    private LineParser.FieldException problem;
    private long lines;
    private long malformed;
    private String firstProblem;
    /** When recording: the file line of each added table row, and the unreadable lines (see {@link #record}). */
    private int[] lineOfRow;
    private int rows;
    private java.util.List<LineProblem> problems;

    TransactionLineHandler(String file, ColumnLayout layout, TransactionTableBuilder table, PrintStream progress) {
        this.file = file;
        this.parser = new LineParser(layout);
        this.table = table;
        this.progress = progress;
    }

    /** Keeps each added row's file line and every unreadable line, for the import's row-level error report. */
    void record() {
        lineOfRow = new int[1 << 12];
        problems = new java.util.ArrayList<>();
    }

    int[] lineOfRow() {
        return java.util.Arrays.copyOf(lineOfRow, rows);
    }

    java.util.List<LineProblem> problems() {
        return problems;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        problem = null;
        parser.begin();
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        if (!header && problem == null) {
            try {
                parser.field(fieldIdx, buf, offset, len, table);
            } catch (LineParser.FieldException e) {
                problem = e;
            }
        }
    }

    @Override
    protected Boolean buildRecord() {
        if (getRecordType() != RecordType.DATA) {
            return Boolean.TRUE;
        }
        if (header) {
            header = false;
            return Boolean.TRUE;
        }
        lines++;
        if (problem == null) {
            try {
                parser.finish();
                table.addLine();
                if (lineOfRow != null) {
                    if (rows == lineOfRow.length) {
                        lineOfRow = java.util.Arrays.copyOf(lineOfRow, rows * 2);
                    }
                    lineOfRow[rows++] = (int) getStartingLineNumber();
                }
            } catch (LineParser.FieldException e) {
                problem = e;
            }
        }
        if (problem != null) {
            table.skipMalformedLine();
            if (problems != null) {
                String message = problem.getMessage();
                int open = message.indexOf('\'');
                int close = message.lastIndexOf('\'');
                problems.add(new LineProblem(getStartingLineNumber(), ColumnLayout.nameOf(problem.column),
                        open >= 0 && close > open ? message.substring(open + 1, close) : "", message));
            }
            if (malformed++ == 0) {
                firstProblem = BadInputException.at(file, getStartingLineNumber(),
                        ColumnLayout.nameOf(problem.column), problem.getMessage()).getMessage();
            }
        }
        if (lines % CsvTransactionReader.PROGRESS_EVERY == 0) {
            progress.printf("analyze: %s: %,d lines read%n", file, lines);
        }
        return Boolean.TRUE;
    }

    /** Throws when more than 0.1% of the file's data lines were unreadable. */
    void checkTolerance() throws BadInputException {
        if (malformed > lines / 1000) {
            throw new BadInputException(firstProblem + " (" + malformed + " of " + lines
                    + " lines unreadable; at most 0.1% are skipped)");
        }
    }
}
