package se.paragraf.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.BridgeException;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.util.ParsedURL;
import org.apache.batik.util.XMLResourceDescriptor;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import se.paragraf.shared.RuleViolation;

/**
 * A logo as a letterhead may carry it: a PNG, decoded and written anew (so no chunk of the upload
 * survives but its pixels), or an SVG reduced to the shapes of an allow-list. The type is judged
 * by the content, never by the file name. An SVG with scripts, event handlers or references outside
 * itself is refused rather than quietly changed, and so is one with text (its fonts could not be
 * embedded in an archival PDF): the secretary is told why.
 */
public record LogoImage(byte[] content, String mediaType) {

	/** Larger than any letterhead logo needs; keeps the PDFs small. */
	public static final int MAX_BYTES = 1024 * 1024;

	/** In pixels, each way: a logo is printed a few centimetres wide. */
	static final int MAX_PIXELS = 4000;

	public static final String PNG = "image/png";

	public static final String SVG = "image/svg+xml";

	private static final String SVG_NS = "http://www.w3.org/2000/svg";

	private static final String XLINK_NS = "http://www.w3.org/1999/xlink";

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** Shapes and paint: what a logo is drawn with. Anything else is dropped or refused. */
	private static final Set<String> SHAPES = Set.of("svg", "g", "defs", "symbol", "use", "title", "desc", "path",
			"rect", "circle", "ellipse", "line", "polyline", "polygon", "lineargradient", "radialgradient", "stop",
			"clippath", "mask", "pattern", "style");

	/** Elements that run code or embed other content. */
	private static final Set<String> ACTIVE = Set.of("script", "foreignobject", "handler", "listener", "iframe",
			"embed", "object", "audio", "video", "animation", "set", "animate", "animatetransform", "animatemotion",
			"animatecolor", "discard");

	/** Elements that draw text, whose fonts PDF/A would need embedded. */
	private static final Set<String> TEXT = Set.of("text", "tspan", "textpath", "tref", "font", "font-face");

	/** Elements that pull in an image or a document from elsewhere. */
	private static final Set<String> REFERENCING = Set.of("image", "feimage", "a", "cursor", "color-profile");

	private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?\\s*([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);

	/**
	 * Checks and cleans an uploaded logo.
	 * @throws RuleViolation on the field {@code logo} when it is empty, too large, of another type,
	 * unreadable, or an SVG with scripts, external references or text
	 */
	public static LogoImage of(byte[] content) {
		if (content.length == 0) {
			throw refused("letterhead.logo.empty");
		}
		if (content.length > MAX_BYTES) {
			// As a string: a formatted number would read "1 024".
			throw RuleViolation.onField("logo", "letterhead.logo.tooLarge", String.valueOf(MAX_BYTES / 1024));
		}
		if (startsWith(content, PNG_SIGNATURE)) {
			return new LogoImage(png(content), PNG);
		}
		if (looksLikeXml(content)) {
			return new LogoImage(svg(content), SVG);
		}
		throw refused("letterhead.logo.type");
	}

	/** The logo as an image source a page or a PDF can show without a further request. */
	public String dataUri() {
		return "data:" + this.mediaType + ";base64," + java.util.Base64.getEncoder().encodeToString(this.content);
	}

	private static byte[] png(byte[] content) {
		// The header states the size before anything is decoded: refuse a pixel bomb unread.
		if (content.length < 24) {
			throw refused("letterhead.logo.unreadable");
		}
		long width = readInt(content, 16);
		long height = readInt(content, 20);
		if (width <= 0 || height <= 0 || width > MAX_PIXELS || height > MAX_PIXELS) {
			throw RuleViolation.onField("logo", "letterhead.logo.dimensions", String.valueOf(MAX_PIXELS));
		}
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
			if (image == null) {
				throw refused("letterhead.logo.unreadable");
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof RuleViolation violation) {
				throw violation;
			}
			throw refused("letterhead.logo.unreadable");
		}
	}

	private static byte[] svg(byte[] content) {
		Document document = parse(content);
		Element root = document.getDocumentElement();
		if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
			throw refused("letterhead.logo.type");
		}
		clean(root);
		String cleaned = serialise(document);
		checkDrawable(cleaned);
		return cleaned.getBytes(StandardCharsets.UTF_8);
	}

	/** Refuses what is dangerous, drops what is merely foreign (an editor's metadata), keeps the shapes. */
	private static void clean(Element element) {
		String name = element.getLocalName() == null ? "" : element.getLocalName().toLowerCase(Locale.ROOT);
		boolean svg = SVG_NS.equals(element.getNamespaceURI());
		if (ACTIVE.contains(name)) {
			throw refused("letterhead.logo.svgScript");
		}
		if (svg && TEXT.contains(name)) {
			throw refused("letterhead.logo.svgText");
		}
		if (REFERENCING.contains(name)) {
			throw refused("letterhead.logo.svgExternal");
		}
		cleanAttributes(element);
		if ("style".equals(name)) {
			String css = element.getTextContent();
			if (css.toLowerCase(Locale.ROOT).contains("@import") || hasExternalUrl(css)) {
				throw refused("letterhead.logo.svgExternal");
			}
			if (css.toLowerCase(Locale.ROOT).contains("javascript:") || css.toLowerCase(Locale.ROOT).contains("expression(")) {
				throw refused("letterhead.logo.svgScript");
			}
		}
		List<Node> children = new ArrayList<>();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			children.add(child);
		}
		for (Node child : children) {
			if (child instanceof Element childElement) {
				String childName = childElement.getLocalName() == null ? ""
						: childElement.getLocalName().toLowerCase(Locale.ROOT);
				boolean known = SVG_NS.equals(childElement.getNamespaceURI()) && SHAPES.contains(childName);
				if (!known && !ACTIVE.contains(childName) && !REFERENCING.contains(childName)
						&& !(SVG_NS.equals(childElement.getNamespaceURI()) && TEXT.contains(childName))) {
					element.removeChild(child);
					continue;
				}
				clean(childElement);
			}
			else if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE || child.getNodeType() == Node.COMMENT_NODE
					|| child.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
				element.removeChild(child);
			}
		}
	}

	private static void cleanAttributes(Element element) {
		NamedNodeMap attributes = element.getAttributes();
		List<Attr> foreign = new ArrayList<>();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String name = (attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName())
				.toLowerCase(Locale.ROOT);
			String namespace = attribute.getNamespaceURI();
			String value = attribute.getValue();
			String lower = value.toLowerCase(Locale.ROOT);
			if (name.startsWith("on") && (namespace == null || SVG_NS.equals(namespace))) {
				throw refused("letterhead.logo.svgScript");
			}
			if (lower.contains("javascript:")) {
				throw refused("letterhead.logo.svgScript");
			}
			if ("href".equals(name) && !value.strip().startsWith("#")) {
				throw refused("letterhead.logo.svgExternal");
			}
			if (hasExternalUrl(value)) {
				throw refused("letterhead.logo.svgExternal");
			}
			boolean declaration = XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace);
			boolean ownAttribute = namespace == null || XLINK_NS.equals(namespace)
					|| XMLConstants.XML_NS_URI.equals(namespace)
					|| declaration && (SVG_NS.equals(value) || XLINK_NS.equals(value));
			if (!ownAttribute || "filter".equals(name)) {
				foreign.add(attribute);
			}
		}
		foreign.forEach(element::removeAttributeNode);
	}

	/** Whether a {@code url(...)} points anywhere but into the document itself. */
	private static boolean hasExternalUrl(String text) {
		Matcher url = URL.matcher(text);
		while (url.find()) {
			if (!url.group(1).startsWith("#")) {
				return true;
			}
		}
		return false;
	}

	private static Document parse(byte[] content) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			// A DOCTYPE could declare entities that read files or expand without end.
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new InputSource(new ByteArrayInputStream(content)));
		}
		catch (SAXException ex) {
			throw refused(ex.getMessage() != null && ex.getMessage().contains("DOCTYPE") ? "letterhead.logo.svgExternal"
					: "letterhead.logo.unreadable");
		}
		catch (ParserConfigurationException | IOException ex) {
			throw refused("letterhead.logo.unreadable");
		}
	}

	private static String serialise(Document document) {
		try {
			TransformerFactory factory = TransformerFactory.newInstance();
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			Transformer transformer = factory.newTransformer();
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			StringWriter out = new StringWriter();
			transformer.transform(new DOMSource(document), new StreamResult(out));
			return out.toString();
		}
		catch (TransformerException ex) {
			throw refused("letterhead.logo.unreadable");
		}
	}

	/**
	 * Builds the drawing as the PDF renderer will (Batik), with no way to fetch anything: a reference
	 * to something the cleaning removed, or an SVG Batik cannot draw, is refused now rather than
	 * missing from a notice later.
	 */
	private static void checkDrawable(String svg) {
		try {
			SAXSVGDocumentFactory factory = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName());
			Document document = factory.createDocument("about:logo.svg", new StringReader(svg));
			UserAgentAdapter agent = new UserAgentAdapter() {

				@Override
				public void checkLoadExternalResource(ParsedURL resourceURL, ParsedURL docURL) {
					throw new SecurityException("No external resources in a logo");
				}

				@Override
				public void checkLoadScript(String scriptType, ParsedURL scriptURL, ParsedURL docURL) {
					throw new SecurityException("No scripts in a logo");
				}

			};
			BridgeContext context = new BridgeContext(agent, new DocumentLoader(agent));
			context.setDynamic(false);
			new GVTBuilder().build(context, document);
		}
		catch (BridgeException | IOException | SecurityException | IllegalArgumentException ex) {
			throw refused("letterhead.logo.unreadable");
		}
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** XML, after an optional byte order mark and white space. */
	private static boolean looksLikeXml(byte[] content) {
		int i = 0;
		if (content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
				&& (content[2] & 0xff) == 0xbf) {
			i = 3;
		}
		while (i < content.length && Character.isWhitespace(content[i])) {
			i++;
		}
		return i < content.length && content[i] == '<';
	}

	private static long readInt(byte[] content, int offset) {
		return ((content[offset] & 0xffL) << 24) | ((content[offset + 1] & 0xffL) << 16)
				| ((content[offset + 2] & 0xffL) << 8) | (content[offset + 3] & 0xffL);
	}

	private static RuleViolation refused(String code) {
		return RuleViolation.onField("logo", code);
	}

}
