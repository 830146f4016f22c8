package se.paragraf.documents;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;

import javax.xml.transform.TransformerException;

import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders an HTML document to an archival PDF: PDF/A-2u, tagged for PDF/UA, with its fonts
 * embedded so the file reads the same in fifty years.
 */
@Component
public class PdfRenderer {

	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private static final String FAMILY = "DejaVu Sans";

	/**
	 * Renders an HTML document (HTML5 is accepted; it is parsed leniently). The document should
	 * carry a {@code <title>} and a {@code lang} attribute, which become the PDF's title and
	 * language.
	 */
	public byte[] render(String html) {
		return render(html, null);
	}

	/**
	 * As {@link #render(String)}, the same bytes every time for the same HTML: the creation date (in
	 * the document information and the XMP metadata) is {@code documentDate}, and the file
	 * identifier is derived from it rather than from the clock. For a document served again and
	 * again under one strong ETag, such as an extract of certified minutes.
	 */
	public byte[] render(String html, @Nullable Instant documentDate) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
			builder.usePdfUaAccessibility(true);
			builder.useColorProfile(SRGB);
			// SVG logos are drawn as vectors; a logo was cleaned at upload, and Batik may still fetch nothing.
			builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
			font(builder, "fonts/DejaVuSans.ttf", 400, FontStyle.NORMAL);
			font(builder, "fonts/DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
			font(builder, "fonts/DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
			font(builder, "fonts/DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC);
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
			builder.toStream(out);
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				if (documentDate != null) {
					renderer.setListener(new FixedDate(documentDate));
				}
				renderer.layout();
				renderer.createPDF();
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void font(PdfRendererBuilder builder, String path, int weight, FontStyle style) {
		builder.useFont(() -> open(path), FAMILY, weight, style, true);
	}

	private static InputStream open(String path) {
		try {
			return new ClassPathResource(path).getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sets the creation date, once the renderer has written its own (the time of rendering) and
	 * just before the file is saved; the file identifier follows from the document ID.
	 */
	private record FixedDate(Instant at) implements PDFCreationListener {

		@Override
		public void preOpen(PdfBoxRenderer renderer) {
		}

		@Override
		public void preWrite(PdfBoxRenderer renderer, int pageCount) {
		}

		@Override
		public void onClose(PdfBoxRenderer renderer) {
			PDDocument document = renderer.getPdfDocument();
			Calendar date = GregorianCalendar.from(this.at.atZone(ZoneOffset.UTC));
			document.getDocumentInformation().setCreationDate(date);
			document.setDocumentId(this.at.toEpochMilli());
			PDMetadata metadata = document.getDocumentCatalog().getMetadata();
			if (metadata == null) {
				return;
			}
			try {
				// PDF/A wants the XMP dates to agree with the document information.
				XMPMetadata xmp = new DomXmpParser().parse(metadata.toByteArray());
				XMPBasicSchema basic = xmp.getXMPBasicSchema();
				if (basic == null) {
					basic = xmp.createAndAddXMPBasicSchema();
				}
				basic.setCreateDate(date);
				ByteArrayOutputStream serialized = new ByteArrayOutputStream();
				new XmpSerializer().serialize(xmp, serialized, true);
				metadata.importXMPMetadata(serialized.toByteArray());
			}
			catch (IOException | XmpParsingException | TransformerException ex) {
				throw new IllegalStateException("Cannot set the PDF's creation date", ex);
			}
		}

	}

}
