package se.paragraf.documents;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
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
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
			builder.usePdfUaAccessibility(true);
			builder.useColorProfile(SRGB);
			font(builder, "fonts/DejaVuSans.ttf", 400, FontStyle.NORMAL);
			font(builder, "fonts/DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
			font(builder, "fonts/DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
			font(builder, "fonts/DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC);
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
			builder.toStream(out);
			builder.run();
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

}
