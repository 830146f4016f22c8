package se.paragraf.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A document as a Word file (.docx) that a secretary can open, edit and send on: the letterhead's name
 * and address at the top, then the document's HTML (as Paragraf renders it for PDF) turned into Word's
 * own parts — headings in Word's heading styles (so the navigation pane and a table of contents work),
 * numbered and bulleted lists as Word lists, tables as Word tables with a repeated header row, bold and
 * italics. The caller decides what the HTML contains: a public document is given its public HTML.
 */
public final class WordDocument {

	private static final BigInteger DECIMAL = BigInteger.ONE;

	private static final BigInteger BULLET = BigInteger.TWO;

	private final XWPFDocument document = new XWPFDocument();

	private final XWPFNumbering numbering;

	private WordDocument() {
		XWPFStyles styles = this.document.createStyles();
		heading(styles, 1, 32);
		heading(styles, 2, 26);
		heading(styles, 3, 24);
		heading(styles, 4, 22);
		this.numbering = this.document.createNumbering();
		this.numbering.addAbstractNum(list(DECIMAL, STNumberFormat.DECIMAL, "%1."));
		this.numbering.addAbstractNum(list(BULLET, STNumberFormat.BULLET, "•"));
	}

	/**
	 * The .docx of a document drawn by Paragraf with its letterhead in it (minutes, notices): the
	 * letterhead block's name and address become the Word document's heading.
	 */
	public static byte[] of(String html) {
		Element body = Jsoup.parse(html).body();
		Element name = body.selectFirst(".letterhead .letterhead-name");
		List<String> address = body.select(".letterhead .letterhead-address span").eachText();
		return of(name == null ? "" : name.text(), address, html);
	}

	/**
	 * The .docx of a document: {@code letterhead} (name and address lines) above the HTML's content.
	 * Elements Word has no counterpart for keep their text; scripts and styles are dropped.
	 */
	public static byte[] of(String letterheadName, List<String> addressLines, String html) {
		WordDocument word = new WordDocument();
		if (!letterheadName.isBlank()) {
			word.letterhead(letterheadName, addressLines);
		}
		Element body = Jsoup.parse(html).body();
		body.select("script, style, head, header.letterhead, .visually-hidden, .screen-only").remove();
		word.blocks(body);
		try (XWPFDocument document = word.document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void letterhead(String name, List<String> addressLines) {
		XWPFParagraph paragraph = this.document.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.LEFT);
		XWPFRun run = paragraph.createRun();
		run.setBold(true);
		run.setFontSize(14);
		run.setText(name);
		for (String line : addressLines) {
			XWPFRun address = paragraph.createRun();
			address.addBreak();
			address.setFontSize(9);
			address.setText(line);
		}
		paragraph.setSpacingAfter(360);
	}

	private void blocks(Element parent) {
		XWPFParagraph open = null;
		for (Node node : parent.childNodes()) {
			if (node instanceof Element element && isBlock(element)) {
				open = null;
				block(element);
			}
			else if (node instanceof TextNode text && text.isBlank()) {
				continue;
			}
			else {
				if (open == null) {
					open = this.document.createParagraph();
				}
				inline(open, node, false, false);
			}
		}
	}

	private void block(Element element) {
		String tag = element.normalName();
		switch (tag) {
			case "h1", "h2", "h3", "h4", "h5", "h6" -> {
				XWPFParagraph paragraph = this.document.createParagraph();
				paragraph.setStyle("Heading" + Math.min(4, tag.charAt(1) - '0'));
				paragraph.setKeepNext(true);
				for (Node child : element.childNodes()) {
					inline(paragraph, child, true, false);
				}
			}
			case "p" -> {
				XWPFParagraph paragraph = this.document.createParagraph();
				paragraph.setSpacingAfter(120);
				inlines(paragraph, element);
			}
			case "ol", "ul" -> list(element, "ol".equals(tag));
			case "table" -> table(element);
			case "hr" -> this.document.createParagraph().setPageBreak(false);
			default -> blocks(element);
		}
	}

	private void list(Element list, boolean numbered) {
		BigInteger numId = this.numbering.addNum(numbered ? DECIMAL : BULLET);
		if (numbered) {
			// Each numbered list starts at 1, as the proposed resolution's points do.
			CTNum num = this.numbering.getNum(numId).getCTNum();
			CTNumLvl override = num.addNewLvlOverride();
			override.setIlvl(BigInteger.ZERO);
			override.addNewStartOverride().setVal(BigInteger.ONE);
		}
		for (Element item : list.children()) {
			if (!"li".equals(item.normalName())) {
				continue;
			}
			XWPFParagraph paragraph = this.document.createParagraph();
			paragraph.setNumID(numId);
			paragraph.setNumILvl(BigInteger.ZERO);
			for (Node child : item.childNodes()) {
				if (child instanceof Element e && ("ul".equals(e.normalName()) || "ol".equals(e.normalName()))) {
					list(e, "ol".equals(e.normalName()));
				}
				else if (child instanceof Element e && "p".equals(e.normalName())) {
					inlines(paragraph, e);
				}
				else {
					inline(paragraph, child, false, false);
				}
			}
		}
	}

	private void table(Element html) {
		List<Element> rows = html.select("tr");
		if (rows.isEmpty()) {
			return;
		}
		int columns = rows.stream().mapToInt(r -> r.select("> th, > td").size()).max().orElse(1);
		XWPFTable table = this.document.createTable(rows.size(), Math.max(1, columns));
		table.setWidth("100%");
		for (int r = 0; r < rows.size(); r++) {
			Element row = rows.get(r);
			XWPFTableRow wordRow = table.getRow(r);
			boolean header = !row.select("> th").isEmpty() && row.select("> td").isEmpty();
			if (header) {
				wordRow.setRepeatHeader(true);
			}
			wordRow.setCantSplitRow(true);
			List<Element> cells = row.select("> th, > td");
			for (int c = 0; c < columns; c++) {
				XWPFTableCell cell = wordRow.getCell(c);
				XWPFParagraph paragraph = cell.getParagraphs().get(0);
				if (c < cells.size()) {
					Element source = cells.get(c);
					if (source.hasClass("num") || source.hasClass("align-right")) {
						paragraph.setAlignment(ParagraphAlignment.RIGHT);
					}
					for (Node child : source.childNodes()) {
						inline(paragraph, child, header || "th".equals(source.normalName()), false);
					}
				}
			}
		}
		this.document.createParagraph();
	}

	private void inlines(XWPFParagraph paragraph, Element element) {
		for (Node child : element.childNodes()) {
			inline(paragraph, child, false, false);
		}
	}

	private void inline(XWPFParagraph paragraph, Node node, boolean bold, boolean italic) {
		if (node instanceof TextNode text) {
			String value = text.getWholeText().replaceAll("\\s+", " ");
			if (value.isBlank() && paragraph.getRuns().isEmpty()) {
				return;
			}
			XWPFRun run = paragraph.createRun();
			run.setBold(bold);
			run.setItalic(italic);
			run.setText(value);
		}
		else if (node instanceof Element element) {
			String tag = element.normalName();
			if ("br".equals(tag)) {
				paragraph.createRun().addBreak();
				return;
			}
			if (isBlock(element)) {
				// A block inside a cell or item: its text, on a line of its own.
				if (!paragraph.getRuns().isEmpty()) {
					paragraph.createRun().addBreak();
				}
			}
			boolean b = bold || "strong".equals(tag) || "b".equals(tag) || tag.matches("h[1-6]");
			boolean i = italic || "em".equals(tag) || "i".equals(tag);
			for (Node child : element.childNodes()) {
				inline(paragraph, child, b, i);
			}
		}
	}

	private static boolean isBlock(Element element) {
		return switch (element.normalName().toLowerCase(Locale.ROOT)) {
			case "p", "div", "section", "article", "header", "footer", "main", "figure", "figcaption", "blockquote", "ul",
					"ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "dl", "nav", "aside" -> true;
			default -> false;
		};
	}

	private static void heading(XWPFStyles styles, int level, int halfPoints) {
		CTStyle style = CTStyle.Factory.newInstance();
		style.setStyleId("Heading" + level);
		style.setType(STStyleType.PARAGRAPH);
		style.addNewName().setVal("heading " + level);
		style.addNewQFormat();
		style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
		style.getPPr().addNewKeepNext();
		style.getPPr().addNewSpacing().setBefore(BigInteger.valueOf(240));
		style.addNewRPr().addNewB();
		style.getRPr().addNewSz().setVal(BigInteger.valueOf(halfPoints));
		styles.addStyle(new XWPFStyle(style));
	}

	private static XWPFAbstractNum list(BigInteger id, STNumberFormat.Enum format, String text) {
		CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
		abstractNum.setAbstractNumId(id);
		CTLvl level = abstractNum.addNewLvl();
		level.setIlvl(BigInteger.ZERO);
		level.addNewStart().setVal(BigInteger.ONE);
		level.addNewNumFmt().setVal(format);
		level.addNewLvlText().setVal(text);
		level.addNewPPr().addNewInd().setLeft(BigInteger.valueOf(720));
		level.getPPr().getInd().setHanging(BigInteger.valueOf(360));
		return new XWPFAbstractNum(abstractNum);
	}

}
