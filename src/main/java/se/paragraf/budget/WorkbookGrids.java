package se.paragraf.budget;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import se.paragraf.budget.Grid.CellError;

/**
 * Reads every sheet of an .xlsx into a {@link Grid} with POI's streaming (SAX) reader, several times
 * faster than building the workbook's object model. Numbers come out as exact decimals of what the
 * cell stores (not its display format); a percent-formatted cell is read in percent; a formula gives
 * its cached result, an error result a {@link CellError}.
 */
final class WorkbookGrids {

	private static final Pattern NUMERIC = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

	private static final String ERROR = "ERROR:";

	private WorkbookGrids() {
	}

	static List<Grid> read(byte[] bytes) throws Exception {
		List<Grid> grids = new ArrayList<>();
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream sheet = sheets.next()) {
					Rows rows = new Rows();
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new RawValues(), false));
					parser.parse(new InputSource(sheet));
					grids.add(new Grid(sheets.getSheetName(), rows.rows));
				}
			}
		}
		return grids;
	}

	/** Formats nothing: a number cell's stored value, in percent when its format shows percent. */
	private static final class RawValues extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, @Nullable String formatString) {
			BigDecimal number = new BigDecimal(Double.toString(value));
			return (formatString != null && formatString.contains("%") ? number.movePointRight(2) : number)
				.toPlainString();
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, @Nullable String formatString,
				boolean use1904Windowing) {
			return formatRawCellContents(value, formatIndex, formatString);
		}

	}

	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		final List<List<@Nullable Object>> rows = new ArrayList<>();

		private int column;

		private int row;

		@Override
		public void startRow(int rowNum) {
			this.row = rowNum;
			this.column = 0;
			while (this.rows.size() <= rowNum) {
				this.rows.add(new ArrayList<>());
			}
		}

		@Override
		public void endRow(int rowNum) {
		}

		@Override
		public void cell(@Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
			int at = reference == null ? this.column : new CellReference(reference).getCol();
			this.column = at + 1;
			List<@Nullable Object> cells = this.rows.get(this.row);
			while (cells.size() <= at) {
				cells.add(null);
			}
			cells.set(at, parse(value));
		}

		private static @Nullable Object parse(@Nullable String value) {
			if (value == null || value.isEmpty()) {
				return null;
			}
			if (value.startsWith(ERROR)) {
				return new CellError(value.substring(ERROR.length()));
			}
			if (NUMERIC.matcher(value).matches()) {
				return new BigDecimal(value);
			}
			return value;
		}

	}

}
