package se.paragraf.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * A document under a letterhead stays archival and accessible: with a PNG or an SVG logo embedded,
 * page numbers in the page margin and a draft mark on every page, veraPDF finds it PDF/A-2u and
 * PDF/UA-1.
 */
class LetterheadPdfConformanceTests {

	private final PdfRenderer renderer = new PdfRenderer(1);

	@BeforeAll
	static void validator() {
		VeraGreenfieldFoundryProvider.initialise();
	}

	static String document(LogoImage logo) {
		String rows = "<tr><td>Rad</td><td>1,0</td></tr>".repeat(60);
		return """
				<!DOCTYPE html><html lang="sv"><head><meta charset="UTF-8"/><title>Protokoll GSN 2023-12-05</title>
				<style>
				body { font-family: 'DejaVu Sans'; }
				@page { @bottom-right { content: "Protokoll 2023-12-05 " counter(page) " (" counter(pages) ")"; font-family: 'DejaVu Sans'; font-size: 8pt; } }
				.draft-watermark { position: fixed; top: 95mm; left: 0; width: 170mm; text-align: center; font-size: 96pt; color: #e3e3e3; transform: rotate(-40deg); z-index: -1; }
				.letterhead-logo { height: 18mm; width: auto; }
				</style></head>
				<body><div class="draft-watermark" aria-hidden="true">UTKAST</div><main>
				<header class="letterhead"><img class="letterhead-logo" src="%s" alt="Logotyp: Ludvika kommun"/>
				<div><p>Ludvika kommun</p><p>771 82 Ludvika</p></div></header>
				<h1>Protokoll</h1><table><thead><tr><th scope="col">Post</th><th scope="col">mSEK</th></tr></thead>
				<tbody>%s</tbody></table></main></body></html>
				""".formatted(logo.dataUri(), rows);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "png", "svg" })
	void aDocumentWithALogoAndPageNumbersIsPdfA2uAndPdfUa1(String kind) throws Exception {
		LogoImage logo = kind.equals("png") ? LogoImage.of(LogoImageTests.png(120, 140))
				: LogoImage.of(new org.springframework.core.io.ClassPathResource("demo/letterhead-logo.svg")
					.getContentAsByteArray());
		byte[] pdf = this.renderer.render(document(logo));
		assertConformant(pdf, PDFAFlavour.PDFA_2_U);
		assertConformant(pdf, PDFAFlavour.PDFUA_1);
		if (kind.equals("png")) {
			assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/Subtype /Image");
		}
	}

	private static void assertConformant(byte[] pdf, PDFAFlavour flavour) throws Exception {
		try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
				PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
			ValidationResult result = validator.validate(parser);
			assertThat(result.isCompliant())
				.as("%s failures: %s", flavour, result.getTestAssertions()
					.stream()
					.filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
					.map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
					.distinct()
					.limit(10)
					.toList())
				.isTrue();
		}
	}

}
