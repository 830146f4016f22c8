package se.paragraf.proceedings.allowances;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A closed payroll run as payroll reads it: CSV as Swedish Excel writes it (semicolons, decimal
 * commas, UTF-8 with a byte order mark) and .xlsx with numbers as numbers. One row per line; a
 * correction's reversal has quantity -1. The columns are fixed, so payroll can map them once.
 */
final class PayrollExport {

	static final List<String> COLUMNS = List.of("Nämnd", "Månad", "Körning", "Person-id", "Namn", "Sammanträde",
			"Sammanträdesdatum", "Närvaro", "Tjänstgörande", "Minuter", "Timmar", "Arvode", "Antal", "Typ");

	private PayrollExport() {
	}

	static byte[] csv(PayrollRun run, String boardCode) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			printer.printRecord(COLUMNS);
			for (PayrollLine line : run.getLines()) {
				printer.printRecord(boardCode, run.getMonth(), run.getRunNumber(), line.getPersonId(), line.getPersonName(),
						line.getMeetingId(), line.getMeetingDate(), presence(line), line.isServing() ? "Ja" : "Nej",
						line.getMinutes(), hours(line).toPlainString().replace('.', ','), rate(line.getRate()),
						line.getQuantity(), line.isCorrection() ? "Rättelse" : "Utbetalning");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] xlsx(PayrollRun run, String boardCode) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Arvoden " + run.getMonth());
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle decimal = workbook.createCellStyle();
			decimal.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.00"));
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(COLUMNS.get(i));
			}
			int r = 1;
			for (PayrollLine line : run.getLines()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(boardCode);
				row.createCell(1).setCellValue(run.getMonth());
				row.createCell(2).setCellValue(run.getRunNumber());
				row.createCell(3).setCellValue(line.getPersonId());
				row.createCell(4).setCellValue(line.getPersonName());
				row.createCell(5).setCellValue(line.getMeetingId());
				row.createCell(6).setCellValue(line.getMeetingDate());
				row.getCell(6).setCellStyle(date);
				row.createCell(7).setCellValue(presence(line));
				row.createCell(8).setCellValue(line.isServing() ? "Ja" : "Nej");
				row.createCell(9).setCellValue(line.getMinutes());
				row.createCell(10).setCellValue(hours(line).doubleValue());
				row.getCell(10).setCellStyle(decimal);
				row.createCell(11).setCellValue(rate(line.getRate()));
				row.createCell(12).setCellValue(line.getQuantity());
				row.createCell(13).setCellValue(line.isCorrection() ? "Rättelse" : "Utbetalning");
			}
			sheet.createFreezePane(0, 1);
			for (int i = 0; i < COLUMNS.size(); i++) {
				sheet.setColumnWidth(i, (i == 4 ? 28 : 14) * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String presence(PayrollLine line) {
		return line.isRemote() ? "På distans" : "På plats";
	}

	static String rate(Rate rate) {
		return rate == Rate.FULL_DAY ? "Heldag" : "Halvdag";
	}

	private static BigDecimal hours(PayrollLine line) {
		return BigDecimal.valueOf(line.getMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

}
