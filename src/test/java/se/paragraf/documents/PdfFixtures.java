package se.paragraf.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDFs made for tests, and reading the text of a page range back.
 */
public final class PdfFixtures {

	private PdfFixtures() {
	}

	/** A PDF of the given number of pages, each saying "LABEL n". */
	public static byte[] pdfWithPages(int pages, String label) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 1; i <= pages; i++) {
				PDPage page = new PDPage();
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
					content.newLineAtOffset(72, 700);
					content.showText(label + " " + i);
					content.endText();
				}
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	/** The text of pages {@code from} to {@code to}, counting from 1. */
	public static String text(PDDocument document, int from, int to) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(from);
		stripper.setEndPage(to);
		return stripper.getText(document);
	}

}
