package se.paragraf.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import se.paragraf.shared.RuleViolation;

/**
 * A logo is judged by its content, never its name: a PNG is decoded and written anew, an SVG keeps
 * only its shapes, and whatever could run code, reach outside the file or need a font is refused
 * with a reason on the logo field.
 */
class LogoImageTests {

	static final String SVG_HEAD = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">";

	public static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x1f4e79));
		g.fillOval(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	static byte[] svg(String body) {
		return (SVG_HEAD + body + "</svg>").getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aPngIsAcceptedAndWrittenAnewWithTheSamePixels() throws IOException {
		byte[] upload = png(40, 20);
		LogoImage logo = LogoImage.of(upload);
		assertThat(logo.mediaType()).isEqualTo("image/png");
		BufferedImage read = ImageIO.read(new ByteArrayInputStream(logo.content()));
		assertThat(read.getWidth()).isEqualTo(40);
		assertThat(read.getHeight()).isEqualTo(20);
		assertThat(logo.dataUri()).startsWith("data:image/png;base64,");
	}

	@Test
	void anSvgKeepsItsShapesAndLosesAnEditorsMetadata() {
		byte[] upload = ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
				+ "xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" viewBox=\"0 0 10 10\">"
				+ "<metadata><rdf>x</rdf></metadata><inkscape:grid/><title>Vapen</title>"
				+ "<path inkscape:label=\"sköld\" d=\"M0 0H10V10Z\" fill=\"#1f4e79\"/></svg>")
			.getBytes(StandardCharsets.UTF_8);
		LogoImage logo = LogoImage.of(upload);
		String cleaned = new String(logo.content(), StandardCharsets.UTF_8);
		assertThat(logo.mediaType()).isEqualTo("image/svg+xml");
		assertThat(cleaned).contains("<path", "M0 0H10V10Z", "Vapen").doesNotContain("metadata", "inkscape");
	}

	@Test
	void theTypeIsJudgedByTheContentNotTheName() throws IOException {
		BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", jpeg);
		assertRefused(jpeg.toByteArray(), "letterhead.logo.type");
		assertRefused("GIF89a not a logo".getBytes(StandardCharsets.US_ASCII), "letterhead.logo.type");
		assertRefused("<html><body>inte en bild</body></html>".getBytes(StandardCharsets.UTF_8), "letterhead.logo.type");
	}

	@Test
	void anSvgWithAScriptOrAnEventHandlerIsRefused() {
		assertRefused(svg("<script>alert(1)</script>"), "letterhead.logo.svgScript");
		assertRefused(svg("<rect width=\"5\" height=\"5\" onclick=\"alert(1)\"/>"), "letterhead.logo.svgScript");
		assertRefused(svg("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>"),
				"letterhead.logo.svgScript");
		assertRefused(svg("<set attributeName=\"fill\" to=\"red\"/>"), "letterhead.logo.svgScript");
	}

	@Test
	void anSvgThatReachesOutsideItselfIsRefused() {
		assertRefused(svg("<image xlink:href=\"https://example.org/a.png\" width=\"5\" height=\"5\"/>"),
				"letterhead.logo.svgExternal");
		assertRefused(svg("<use xlink:href=\"https://example.org/sprite.svg#logo\"/>"), "letterhead.logo.svgExternal");
		assertRefused(svg("<rect width=\"5\" height=\"5\" fill=\"url(https://example.org/p.svg#g)\"/>"),
				"letterhead.logo.svgExternal");
		assertRefused(svg("<style>@import url(https://example.org/a.css);</style>"), "letterhead.logo.svgExternal");
		assertRefused(("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ SVG_HEAD + "<title>&x;</title></svg>").getBytes(StandardCharsets.UTF_8), "letterhead.logo.svgExternal");
	}

	@Test
	void anSvgWithTextIsRefusedWithAdviceToOutlineIt() {
		assertRefused(svg("<text x=\"1\" y=\"5\">Ludvika</text>"), "letterhead.logo.svgText");
	}

	@Test
	void aReferenceInsideTheSvgStays() {
		LogoImage logo = LogoImage.of(svg("<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/>"
				+ "</linearGradient><rect id=\"r\" width=\"5\" height=\"5\"/></defs>"
				+ "<use xlink:href=\"#r\" fill=\"url(#g)\"/>"));
		assertThat(new String(logo.content(), StandardCharsets.UTF_8)).contains("url(#g)", "#r");
	}

	@Test
	void aLogoOverTheLimitOrEmptyOrUnreadableIsRefused() throws IOException {
		byte[] large = new byte[LogoImage.MAX_BYTES + 1];
		System.arraycopy(png(2, 2), 0, large, 0, 8);
		assertRefused(large, "letterhead.logo.tooLarge");
		assertRefused(new byte[0], "letterhead.logo.empty");
		byte[] broken = png(10, 10);
		assertRefused(java.util.Arrays.copyOf(broken, 40), "letterhead.logo.unreadable");
		assertRefused("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect".getBytes(StandardCharsets.UTF_8),
				"letterhead.logo.unreadable");
	}

	@Test
	void aPngClaimingHugeDimensionsIsRefusedBeforeItIsDecoded() throws IOException {
		byte[] header = png(10, 10);
		ByteBuffer.wrap(header).putInt(16, 100_000).putInt(20, 100_000);
		assertRefused(header, "letterhead.logo.dimensions");
	}

	private static void assertRefused(byte[] content, String code) {
		assertThatThrownBy(() -> LogoImage.of(content)).isInstanceOfSatisfying(RuleViolation.class, v -> {
			assertThat(v.code()).isEqualTo(code);
			assertThat(v.field()).isEqualTo("logo");
		});
	}

}
