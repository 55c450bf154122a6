package com.consumer360.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads an exported XLSX file with Apache POI (not the library that wrote it) into rows of plain values. */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /**
     * The first sheet's rows, header first. Cells become String, Double (numbers), java.time.LocalDateTime
     * (date-formatted numbers) or null (empty).
     */
    public static List<List<Object>> rows(byte[] xlsx) throws IOException {
        if (xlsx.length < 2 || !new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1).equals("PK")) {
            throw new IllegalArgumentException("not an XLSX (zip) file");
        }
        List<List<Object>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<Object> values = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    values.add(value(row.getCell(c)));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue()
                    : cell.getNumericCellValue();
            case STRING -> cell.getStringCellValue();
            case BLANK -> null;
            default -> throw new IllegalArgumentException("unexpected cell type " + cell.getCellType());
        };
    }
}
