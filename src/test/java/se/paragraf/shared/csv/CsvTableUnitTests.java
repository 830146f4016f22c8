package se.paragraf.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV as Swedish Excel saves it, read the same way by the budget and the plans' measurement import. */
class CsvTableUnitTests {

	@Test
	void aQuotedLineBreakStaysInsideItsCellAndTheRowsAreTheRowsExcelShows() {
		CsvTable table = CsvTable.read("Projekt;Namn\r\nP1;\"Ny förskola\r\nvid torget\"\r\nP2;Nät\r\n", ';');

		assertThat(table.rows()).containsExactly(List.of("Projekt", "Namn"), List.of("P1", "Ny förskola\r\nvid torget"),
				List.of("P2", "Nät"));
	}

	@Test
	void aQuotedSeparatorAndDoubledQuotesAreText() {
		CsvTable table = CsvTable.read("\"Nöjdhet; trygghet\";\"Han sa \"\"ja\"\"\";2024\n", ';');

		assertThat(table.rows()).containsExactly(List.of("Nöjdhet; trygghet", "Han sa \"ja\"", "2024"));
	}

	@Test
	void aByteOrderMarkIsNotPartOfTheFirstCell() {
		byte[] bytes = "\uFEFFVerksamhet;Kostnad\n030;1\n".getBytes(StandardCharsets.UTF_8);

		String text = CsvTable.utf8(bytes);

		assertThat(text).startsWith("Verksamhet");
		assertThat(CsvTable.read(text, ';').rows().get(0).get(0)).isEqualTo("Verksamhet");
		assertThat(CsvTable.read("\uFEFFindikator;period;värde\n", ';').rows().get(0).get(0)).isEqualTo("indikator");
	}

	@Test
	void theSeparatorIsTheFirstAcceptedOneInTheFirstNonBlankLine() {
		assertThat(CsvTable.read("a;\"1,5\"\nb;2\n", ';', ',').rows()).containsExactly(List.of("a", "1,5"),
				List.of("b", "2"));
		assertThat(CsvTable.read("\nProjektkod,Belopp\nNät,\"3,0\"\n", ';', ',').rows()).containsExactly(List.of(""),
				List.of("Projektkod", "Belopp"), List.of("Nät", "3,0"));
		assertThat(CsvTable.read("a\tb\n", ';', '\t').separator()).isEqualTo('\t');
		assertThat(CsvTable.read("ensam\n", ';', ',').separator()).isEqualTo(',');
	}

	@Test
	void blankLinesAtTheEndAreDroppedAndBlankLinesInsideKeepTheRowNumbers() {
		CsvTable table = CsvTable.read("a;1\n\nb;2\n\n;;\n   \n\n", ';');

		assertThat(table.rows()).hasSize(3);
		assertThat(CsvTable.blank(table.rows().get(1))).isTrue();
		assertThat(table.rows().get(2)).containsExactly("b", "2");
		assertThat(CsvTable.read("", ';').rows()).isEmpty();
		assertThat(CsvTable.read(null, ';').rows()).isEmpty();
	}

	@Test
	void aQuoteThatIsNeverClosedIsReportedOnTheRowItOpens() {
		assertThatThrownBy(() -> CsvTable.read("a;1\nb;\"öppen\nc;3\n", ';'))
			.isInstanceOfSatisfying(CsvTable.Unclosed.class, ex -> assertThat(ex.row()).isEqualTo(2));
	}

	@Test
	void textThatIsNotUtf8OrIsBinaryIsNotCsv() {
		assertThat(CsvTable.utf8("Lön;Kostnad".getBytes(Charset.forName("windows-1252")))).isNull();
		assertThat(CsvTable.utf8(new byte[] { 'a', 0, 'b' })).isNull();
		assertThat(CsvTable.utf8("Lön;Kostnad".getBytes(StandardCharsets.UTF_8))).isEqualTo("Lön;Kostnad");
	}

}
