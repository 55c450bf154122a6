package com.consumer360.batch;

import com.consumer360.analytics.TransactionTableBuilder;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.PrintStream;
import java.util.List;

/**
 * FastCSV callback that feeds each data line of one file straight into the table builder, skipping the
 * header. Working on the parser's buffer instead of per-field Strings keeps the 541,909-line run within its
 * time and memory budget. Unreadable lines are skipped and counted; the first one is kept for the message.
 */
final class TransactionLineHandler extends AbstractBaseCsvCallbackHandler<Boolean> {

    private final String file;
    private final LineParser parser;
    private TransactionTableBuilder table;
    /** When reading in chunks: lines per chunk, a new builder per chunk and the receiver of each full chunk. */
    private int chunkLines;
    private java.util.function.Supplier<TransactionTableBuilder> nextTable;
    private java.util.function.Consumer<TransactionFiles.Lines> chunks;
    private int chunkProblems;
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

    /**
     * Hands the lines read to {@code chunks} every {@code lines} lines (readable or not) and at the end
     * ({@link #flush}), each chunk a table of its own (its dictionaries and product descriptions are the chunk's),
     * and forgets them: the reader then holds one chunk at a time. Records file lines and unreadable lines.
     */
    void chunked(int lines, java.util.function.Supplier<TransactionTableBuilder> next,
                 java.util.function.Consumer<TransactionFiles.Lines> receiver) {
        record();
        chunkLines = lines;
        nextTable = next;
        chunks = receiver;
    }

    /** Hands the lines read since the last chunk on, if any (reading in chunks). */
    void flush() {
        if (chunks == null || rows == 0 && chunkProblems == 0) {
            return;
        }
        TransactionFiles.Lines chunk = new TransactionFiles.Lines(table.build(), lineOfRow(),
                List.copyOf(problems.subList(problems.size() - chunkProblems, problems.size())));
        table = nextTable.get();
        rows = 0;
        problems.clear();
        chunkProblems = 0;
        chunks.accept(chunk);
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
                chunkProblems++;
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
        if (chunks != null && rows + chunkProblems >= chunkLines) {
            flush();
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
