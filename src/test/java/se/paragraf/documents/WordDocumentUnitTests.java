package se.paragraf.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/**
 * Unit tests for {@link WordDocument}: what a document says in HTML arrives in Word as Word's own parts,
 * read back with POI — the letterhead first, headings in heading styles, numbered points in a numbered
 * list that starts at 1, tables with a repeated header row, and no script text.
 */
class WordDocumentUnitTests {

	@Test
	void headingsNumberedPointsTablesAndTheLetterheadBecomeWordsOwnParts() throws IOException {
		byte[] docx = WordDocument.of("Ludvika kommun", List.of("771 82 Ludvika"), """
				<h1>Ny ekonomimodell</h1>
				<h2>Förvaltningens förslag till beslut</h2>
				<ol><li>Nämnden godkänner modellen.</li><li>Den gäller <strong>från 2024</strong>.</li></ol>
				<script>alert('x')</script>
				<div class="embed"><table><thead><tr><th>Verksamhet</th><th class="num">Netto</th></tr></thead>
				<tbody><tr><td>Drift</td><td class="num">0</td></tr></tbody></table></div>
				<h2>Beslut skickas till</h2><ol><li>Kommunstyrelsen</li></ol>
				""");

		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
			List<XWPFParagraph> paragraphs = word.getParagraphs();
			assertThat(paragraphs.get(0).getText()).startsWith("Ludvika kommun").contains("771 82 Ludvika");
			assertThat(paragraphs).filteredOn(p -> "Heading1".equals(p.getStyle()))
				.extracting(XWPFParagraph::getText)
				.containsExactly("Ny ekonomimodell");
			assertThat(paragraphs).filteredOn(p -> "Heading2".equals(p.getStyle()))
				.extracting(XWPFParagraph::getText)
				.containsExactly("Förvaltningens förslag till beslut", "Beslut skickas till");
			List<XWPFParagraph> points = paragraphs.stream().filter(p -> p.getNumID() != null).toList();
			assertThat(points).extracting(XWPFParagraph::getText)
				.containsExactly("Nämnden godkänner modellen.", "Den gäller från 2024.", "Kommunstyrelsen");
			assertThat(points).allSatisfy(p -> assertThat(p.getNumFmt()).isEqualTo("decimal"));
			assertThat(points.get(0).getNumID()).as("each list starts again at 1").isNotEqualTo(points.get(2).getNumID());
			assertThat(points.get(1).getRuns()).anySatisfy(r -> {
				assertThat(r.text()).isEqualTo("från 2024");
				assertThat(r.isBold()).isTrue();
			});
			XWPFTable table = word.getTables().get(0);
			assertThat(table.getRow(0).isRepeatHeader()).isTrue();
			assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("Netto");
			assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("Drift");
			assertThat(new org.apache.poi.xwpf.extractor.XWPFWordExtractor(word).getText()).doesNotContain("alert");
		}
	}

	@Test
	void aDocumentWithItsOwnLetterheadBlockGetsThatLetterheadOnce() throws IOException {
		byte[] docx = WordDocument.of("""
				<header class="letterhead"><div class="letterhead-text"><p class="letterhead-name">Västerbergslagens IT-center</p>
				<p class="letterhead-address"><span>Box 1</span><br/><span>771 82 Ludvika</span></p></div></header>
				<p class="doc-kind">Sammanträdesprotokoll</p>
				""");

		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
			String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(word).getText();
			assertThat(word.getParagraphs().get(0).getText()).startsWith("Västerbergslagens IT-center")
				.contains("Box 1", "771 82 Ludvika");
			assertThat(text.split("Västerbergslagens IT-center", -1)).hasSize(2);
			assertThat(text).contains("Sammanträdesprotokoll");
		}
	}

}
