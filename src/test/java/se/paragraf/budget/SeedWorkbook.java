package se.paragraf.budget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The seed notice's four budget tables (item 3, Detaljbudget 2024) written cell for cell into an
 * .xlsx, printed totals, the shifted headcount column and all.
 */
public final class SeedWorkbook {

	private SeedWorkbook() {
	}

	public static byte[] bytes() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet activities = workbook.createSheet("Verksamheter");
			row(activities, 0, "Verksamhet", "Nettokostnad Budget 2023", "Intäkt Externa 2024", "Intäkter Interna 2024",
					"Kostnad 2024", "Nettokostnad Budget 2024", "Nettokostnad Budget 2025", "Nettokostnad Budget 2026");
			row(activities, 1, "030 Administration", 0, -2901, -3549, 6450, 0, 0, 0);
			row(activities, 2, "031 Digitaliser. och Inno", 0, -2144, -2094, 4237, 0, 0, 0);
			row(activities, 3, "032IT Arkitektur och tekn", 0, -12722, -14863, 27585, 0, 0, 0);
			row(activities, 4, "033 Stöd och support", 0, -15205, -18112, 33316, 0, 0, 0);
			row(activities, 5, "089 IT vidarefakturering", 0, -4870, -485, 5355, 0, 0, 0);
			row(activities, 6, "Gemensamma Servicenämnden", 0, -37841, -39102, 76944, 0, 0, 0);
			row(activities, 8, "Ram", 0, "Justerad ram", 0);
			row(activities, 9, "Avvikelse mot justerad ram", null, null, 0);
			Sheet costTypes = workbook.createSheet("Kostnadsslag");
			row(costTypes, 0, "Enhet", "Total Löne- kostnad", "Därav löne- kostn, Ej tillsvid. Anst", "Kapital- kostnad",
					"Lokalhyra", "Övriga kostnader", "Intäkter", "Summa");
			row(costTypes, 1, "Budget 2023", 20152, 0, 2739, 1102, 50142, -74135, 0);
			row(costTypes, 2, "Kostnads/int-förändring", 1062, null, 919, 25, 1090, -1705, 1391);
			row(costTypes, 3, "Verksamhetsförändring", 1256, null, null, null, -1543, -1104, -1391);
			row(costTypes, 4, "Budget 2024", 22470, 0, 3658, 1127, 49689, -76944, 0);
			Sheet staff = workbook.createSheet("Personal");
			row(staff, 0, null, "Budget 2023", null, "Budget 2024", null, "Budget 2025", "Budget 2026");
			row(staff, 1, null, "Antal tillsvid, an", "Löne- kostnad", "Antal tillsvid, an", "Löne- kostnad",
					"Antal tillsvid, an", "Antal tillsvid, anst.");
			row(staff, 2, "Gemensamma Servicenämnden", 32.00, 20152.00, 34.00, 22470, 22470, 22470);
			Sheet investments = workbook.createSheet("Investeringar");
			row(investments, 0, "Projektkod", "Investeringsbudget 2024 (mSEK)");
			row(investments, 1, "O365 digital arbetsplats", 1);
			row(investments, 2, "Gemensam identitetsplattform", 0.5);
			row(investments, 3, "Säkerhet", 1);
			row(investments, 4, "Dokument och ärendehanteringssystem IT", 0.1);
			row(investments, 5, "IT-infrastruktur för digitalisering", 1);
			row(investments, 6, "Upprustning av Ludvika kommuns nät", 3);
			row(investments, 7, "Uppdaterad basfunktionalitet", 1);
			row(investments, 8, "Total", 7.6);
			row(investments, 10, "Beslut", "KF Ludvika, investeringsbudget 2024 enligt äskanden i ärende GSN2023/4");
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void row(Sheet sheet, int index, Object... cells) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < cells.length; i++) {
			if (cells[i] instanceof Number number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else if (cells[i] instanceof String text) {
				row.createCell(i).setCellValue(text);
			}
		}
	}

}
