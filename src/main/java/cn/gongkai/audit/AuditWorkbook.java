package cn.gongkai.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the audit export as an XLSX sheet, streamed (an export holds up to {@link AuditController#MAX_EXPORT} rows).
 * Every cell is a text cell, which no spreadsheet evaluates; a value that starts like a formula (= + - @) is also
 * marked quote-prefixed, so that editing the cell keeps it text.
 */
final class AuditWorkbook {

    private static final int[] WIDTHS = {8, 20, 16, 10, 16, 16, 24, 20, 16, 12, 22, 40, 40, 50};

    private AuditWorkbook() {
    }

    static byte[] write(String sheetName, List<String> header, List<List<String>> rows) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = wb.createCellStyle();
            text.setQuotePrefixed(true);
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, (c < WIDTHS.length ? WIDTHS[c] : 16) * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    String value = values.get(c) == null ? "" : values.get(c);
                    Cell cell = row.createCell(c);
                    cell.setCellValue(value);
                    if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
                        cell.setCellStyle(text);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // the temporary files are gone already
            }
        }
    }
}
