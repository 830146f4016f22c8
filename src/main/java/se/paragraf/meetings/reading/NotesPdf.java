package se.paragraf.meetings.reading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;

/**
 * The notice with its reader's notes in it, for her own use: each note a text annotation (a "sticky
 * note" any PDF reader shows) at its place on its page, each highlight a highlight annotation over
 * its area, and, because annotations do not print everywhere, closing pages that list every note by
 * page. The notice's own pages are not otherwise changed.
 */
public final class NotesPdf {

	private static final PDColor YELLOW = new PDColor(new float[] { 1f, 0.85f, 0f }, PDDeviceRGB.INSTANCE);

	private static final float MARGIN = 56;

	private static final float SIZE = 11;

	private static final float LEADING = 15;

	private NotesPdf() {
	}

	static byte[] withNotes(byte[] pdf, List<PrivateNote> notes, Labels labels) {
		String heading = labels.heading();
		String intro = labels.intro();
		String pageLabel = labels.page();
		String highlightLabel = labels.highlight();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			Map<Integer, List<PrivateNote>> byPage = new TreeMap<>();
			for (PrivateNote note : notes) {
				if (note.getPage() <= pages) {
					byPage.computeIfAbsent(note.getPage(), p -> new ArrayList<>()).add(note);
				}
			}
			for (Map.Entry<Integer, List<PrivateNote>> entry : byPage.entrySet()) {
				annotate(document, document.getPage(entry.getKey() - 1), entry.getValue());
			}
			if (!byPage.isEmpty()) {
				appendList(document, byPage, heading, intro, pageLabel, highlightLabel);
			}
			document.getDocumentInformation().setTitle(heading);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void annotate(PDDocument document, PDPage page, List<PrivateNote> notes) throws IOException {
		PDRectangle box = page.getCropBox();
		int stacked = 0;
		for (PrivateNote note : notes) {
			float left = box.getLowerLeftX() + (float) note.getX() * box.getWidth();
			float top = box.getUpperRightY() - (float) note.getY() * box.getHeight();
			if (note.getKind() == NoteKind.HIGHLIGHT) {
				float right = left + (float) note.getWidth() * box.getWidth();
				float bottom = top - (float) note.getHeight() * box.getHeight();
				PDAnnotationHighlight highlight = new PDAnnotationHighlight();
				highlight.setRectangle(new PDRectangle(left, bottom, right - left, top - bottom));
				highlight.setQuadPoints(new float[] { left, top, right, top, left, bottom, right, bottom });
				highlight.setColor(YELLOW);
				highlight.setConstantOpacity(0.4f);
				if (note.getBody() != null) {
					highlight.setContents(note.getBody());
				}
				highlight.setPrinted(true);
				highlight.constructAppearances(document);
				page.getAnnotations().add(highlight);
			}
			else {
				// Notes placed at the same spot would hide each other: stack them downwards.
				float y = Math.max(box.getLowerLeftY() + 20, top - 22 * stacked++);
				PDAnnotationText text = new PDAnnotationText();
				text.setRectangle(new PDRectangle(left, y - 20, 20, 20));
				text.setContents(note.getBody());
				text.setName(PDAnnotationText.NAME_NOTE);
				text.setColor(YELLOW);
				text.setPrinted(true);
				text.constructAppearances(document);
				page.getAnnotations().add(text);
			}
		}
	}

	private static void appendList(PDDocument document, Map<Integer, List<PrivateNote>> byPage, String heading,
			String intro, String pageLabel, String highlightLabel) throws IOException {
		PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
		PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
		List<Line> lines = new ArrayList<>();
		lines.add(new Line(heading, bold, 16));
		lines.addAll(wrap(intro, regular, SIZE));
		lines.add(new Line("", regular, SIZE));
		for (Map.Entry<Integer, List<PrivateNote>> entry : byPage.entrySet()) {
			lines.add(new Line(pageLabel.formatted(entry.getKey()), bold, SIZE));
			for (PrivateNote note : entry.getValue()) {
				String body = note.getBody() == null ? "" : note.getBody();
				String text = note.getKind() == NoteKind.HIGHLIGHT
						? highlightLabel + (body.isEmpty() ? "" : ": " + body) : body;
				for (String paragraph : text.split("\\R")) {
					lines.addAll(wrap("– " + paragraph, regular, SIZE));
				}
			}
			lines.add(new Line("", regular, SIZE));
		}
		PDRectangle size = PDRectangle.A4;
		PDPageContentStream stream = null;
		float y = 0;
		try {
			for (Line line : lines) {
				if (stream == null || y < MARGIN) {
					if (stream != null) {
						stream.close();
					}
					PDPage page = new PDPage(size);
					document.addPage(page);
					stream = new PDPageContentStream(document, page);
					y = size.getHeight() - MARGIN;
				}
				if (!line.text().isEmpty()) {
					stream.beginText();
					stream.setFont(line.font(), line.size());
					stream.newLineAtOffset(MARGIN, y);
					stream.showText(line.text());
					stream.endText();
				}
				y -= line.size() > SIZE ? LEADING * 1.6f : LEADING;
			}
		}
		finally {
			if (stream != null) {
				stream.close();
			}
		}
	}

	/** Splits text into lines that fit the page, with what the font cannot show replaced. */
	private static List<Line> wrap(String text, PDType1Font font, float size) throws IOException {
		String printable = printable(text, font);
		float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
		List<Line> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String word : printable.split(" ")) {
			String candidate = current.isEmpty() ? word : current + " " + word;
			if (font.getStringWidth(candidate) / 1000 * size > width && !current.isEmpty()) {
				lines.add(new Line(current.toString(), font, size));
				current = new StringBuilder(word);
			}
			else {
				current = new StringBuilder(candidate);
			}
		}
		lines.add(new Line(current.toString(), font, size));
		return lines;
	}

	private static String printable(String text, PDType1Font font) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(c -> {
			String s = new String(Character.toChars(c));
			try {
				font.encode(s);
				out.append(s);
			}
			catch (IOException | IllegalArgumentException ex) {
				out.append('?');
			}
		});
		return out.toString().replace('\t', ' ');
	}

	/** The words of the closing pages, in the reader's language; {@code page} has one {@code %d}. */
	public record Labels(String heading, String intro, String page, String highlight) {
	}

	private record Line(String text, PDType1Font font, float size) {
	}

}
