package se.paragraf.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

import se.paragraf.documents.PdfAssembly.Part;

/**
 * What Paragraf renders is archival and accessible: veraPDF, the reference validator, finds the
 * rendered parts and their assembly (merged, bookmarked, page-numbered) conformant to PDF/A-2u and
 * to PDF/UA-1 (tagged structure, language, title shown, page numbers as artifacts).
 */
class PdfArchivalConformanceTests {

	private static final String DOCUMENT = """
			<!DOCTYPE html><html lang="sv"><head><meta charset="UTF-8"/><title>Kallelse</title>
			<style>body { font-family: 'DejaVu Sans'; } td.num { text-align: right; }</style></head>
			<body><main><h1>Gemensamma servicenämnden</h1><p>Tid: Tisdag 5 december 2023, kl. 10:00 – åäö ÅÄÖ</p>
			<table><thead><tr><th scope="col">Nr</th><th scope="col">Ärenden</th><th scope="col">Sida</th></tr></thead>
			<tbody><tr><td>1</td><td>Val av justerare</td><td class="num">2</td></tr></tbody></table>
			<ol><li><em>Följs koncernens projektmodell?</em></li></ol></main></body></html>
			""";

	private final PdfRenderer renderer = new PdfRenderer(1);

	private final PdfAssembly assembly = new PdfAssembly();

	@BeforeAll
	static void validator() {
		VeraGreenfieldFoundryProvider.initialise();
	}

	@Test
	void aRenderedDocumentIsPdfA2u() throws Exception {
		assertConformant(this.renderer.render(DOCUMENT));
	}

	@Test
	void anAssembledDocumentOfRenderedPartsStaysPdfA2u() throws Exception {
		byte[] part = this.renderer.render(DOCUMENT);
		byte[] whole = this.assembly.assemble(List.of(new Part(part, "Kallelse"), new Part(part, "1 Val av justerare")),
				"Kallelse Gemensamma servicenämnden 2023-12-05");
		assertThat(this.assembly.pageCount(whole)).isEqualTo(2);
		assertConformant(whole);
	}

	@Test
	void aRenderedDocumentIsTaggedForAccessibilityAsPdfUa1() throws Exception {
		assertConformant(this.renderer.render(DOCUMENT), PDFAFlavour.PDFUA_1);
	}

	@Test
	void anAssembledDocumentOfRenderedPartsStaysPdfUa1() throws Exception {
		byte[] part = this.renderer.render(DOCUMENT);
		assertConformant(this.assembly.assemble(List.of(new Part(part, "Kallelse"), new Part(part, "1 Val av justerare")),
				"Kallelse Gemensamma servicenämnden 2023-12-05"), PDFAFlavour.PDFUA_1);
	}

	@Test
	void documentsRenderedSideBySideKeepTheirOrderAndPageCountsAndAssembleToAConformantWhole() throws Exception {
		PdfRenderer twoAtOnce = new PdfRenderer(2);
		try {
			String longer = DOCUMENT.replace("</main>", "<p>Förvaltningen har gått igenom underlaget.</p>".repeat(120) + "</main>");
			List<PdfRenderer.Rendered> rendered = twoAtOnce.renderAll(List.of(longer, DOCUMENT, longer), (index, pages) -> {
			});
			assertThat(rendered.get(0).pages()).isGreaterThan(1);
			assertThat(rendered).extracting(PdfRenderer.Rendered::pages)
				.containsExactly(rendered.get(0).pages(), 1, rendered.get(0).pages());
			for (PdfRenderer.Rendered document : rendered) {
				assertThat(this.assembly.pageCount(document.pdf())).isEqualTo(document.pages());
			}
			byte[] whole = this.assembly.assemble(List.of(new Part(rendered.get(0).pdf(), "1"),
					new Part(rendered.get(1).pdf(), "2"), new Part(rendered.get(2).pdf(), "3")), "Kallelse");
			assertConformant(whole);
			assertConformant(whole, PDFAFlavour.PDFUA_1);
		}
		finally {
			twoAtOnce.stop();
		}
	}

	@Test
	void sectionsRenderedAsOneDocumentAreToldApartByTheirPagesAndTheirAttachmentsFollowEachSection()
			throws Exception {
		String section = "<article id=\"item-%d\" style=\"page-break-before: always\"><h2>Ärende %d</h2>%s</article>";
		String text = "<p>Förvaltningen har gått igenom underlaget.</p>";
		String chunk = DOCUMENT.replace("</main>", section.formatted(1, 1, text.repeat(120)) + section.formatted(2, 2, text)
				+ section.formatted(3, 3, text.repeat(120)) + "</main>");
		PdfRenderer.Rendered rendered = this.renderer
			.renderAll(List.of(chunk), java.util.regex.Pattern.compile("item-\\d+"), (index, done) -> {
			})
			.get(0);
		// Each section ends on the page before the next one begins.
		int second = rendered.lastPages().get("item-1") + 1;
		int third = rendered.lastPages().get("item-2") + 1;
		assertThat(rendered.lastPages()).containsEntry("item-3", rendered.pages() - 1).hasSize(3);
		assertThat(second).isGreaterThan(2);
		assertThat(third).isEqualTo(second + 1);

		byte[] whole = this.assembly.assembleCounted(new Part(this.renderer.render(DOCUMENT), "Kallelse"),
				List.of(new PdfAssembly.Chunk(rendered.pdf(),
						List.of(new PdfAssembly.Section("Inledning", 1, List.of()),
								new PdfAssembly.Section("1 Ärende 1", second - 1,
										List.of(new Part(PdfFixtures.pdfWithPages(2, "UNDERLAG ETT"), "Underlag 1"))),
								new PdfAssembly.Section("2 Ärende 2", 1,
										List.of(new Part(PdfFixtures.pdfWithPages(1, "UNDERLAG TVÅ"), "Underlag 2"))),
								new PdfAssembly.Section("3 Ärende 3", rendered.pages() - third, List.of())))),
				"Kallelse")
			.pdf();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(whole)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1 + rendered.pages() + 3);
			// cover, the chunk's first page, item 1, its two attachment pages, item 2, its attachment, item 3
			int attachment = 2 + (second - 1);
			assertThat(PdfFixtures.text(document, attachment + 1, attachment + 2)).contains("UNDERLAG ETT")
				.doesNotContain("Ärende");
			assertThat(PdfFixtures.text(document, attachment, attachment)).contains("Förvaltningen");
			assertThat(PdfFixtures.text(document, attachment + 3, attachment + 3)).contains("Ärende 2");
			assertThat(PdfFixtures.text(document, attachment + 4, attachment + 4)).contains("UNDERLAG TVÅ");
			assertThat(PdfFixtures.text(document, attachment + 5, attachment + 5)).contains("Ärende 3");
			List<String> bookmarks = new java.util.ArrayList<>();
			document.getDocumentCatalog().getDocumentOutline().children().forEach(item -> bookmarks.add(item.getTitle()));
			assertThat(bookmarks).containsExactly("Kallelse", "Inledning", "1 Ärende 1", "Underlag 1", "2 Ärende 2",
					"Underlag 2", "3 Ärende 3");
		}
		byte[] tagged = this.assembly.assembleCounted(new Part(this.renderer.render(DOCUMENT), "Kallelse"),
				List.of(new PdfAssembly.Chunk(rendered.pdf(), List.of(new PdfAssembly.Section("Inledning", 1, List.of()),
						new PdfAssembly.Section("1", second - 1, List.of(new Part(this.renderer.render(DOCUMENT), "Bilaga"))),
						new PdfAssembly.Section("2", rendered.pages() - second, List.of())))),
				"Kallelse")
			.pdf();
		assertConformant(tagged);
		assertConformant(tagged, PDFAFlavour.PDFUA_1);
	}

	@Test
	void theValidatorRefusesAnOrdinaryPdfAsArchivalAndAsAccessible() throws Exception {
		assertThat(compliant(PdfFixtures.pdfWithPages(1, "VANLIG"), PDFAFlavour.PDFA_2_U)).isFalse();
		assertThat(compliant(PdfFixtures.pdfWithPages(1, "VANLIG"), PDFAFlavour.PDFUA_1)).isFalse();
	}

	private static boolean compliant(byte[] pdf, PDFAFlavour flavour) throws Exception {
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
				PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
			return validator.validate(parser).isCompliant();
		}
	}

	private static void assertConformant(byte[] pdf) throws Exception {
		assertConformant(pdf, PDFAFlavour.PDFA_2_U);
	}

	private static void assertConformant(byte[] pdf, PDFAFlavour flavour) throws Exception {
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
				PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
			ValidationResult result = validator.validate(parser);
			assertThat(result.isCompliant())
				.as("%s failures: %s", flavour, result.getTestAssertions()
					.stream()
					.filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
					.map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
					.distinct()
					.limit(10)
					.toList())
				.isTrue();
		}
	}

}
