package se.paragraf.operations.logging;

import java.util.regex.Pattern;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks anything shaped like a Swedish personal identity or coordination number in every string of
 * a structured log line: the message, an exception's message and its stack trace. Set by
 * {@code logging.structured.json.customizer}. Deliberately wider than the documents' masking (no
 * check digit or date needed): a log line is never published, and a mistyped number is still
 * somebody's. A phone or diary number that happens to look like one is masked too; that is the
 * price.
 */
public class IdentityNumberMasking implements StructuredLoggingJsonMembersCustomizer<Object> {

	/** YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, YYYYMMDD-NNNN, YYYYMMDDNNNN, not inside a longer number. */
	private static final Pattern NUMBER = Pattern.compile("(?<![0-9])(?:(?:19|20)[0-9]{6}|[0-9]{6})[-+]?[0-9]{4}(?![0-9])");

	public static final String MASK = "[personnummer]";

	@Override
	public void customize(Members<Object> members) {
		members.applyingValueProcessor(ValueProcessor.of(String.class, IdentityNumberMasking::mask));
	}

	public static String mask(String text) {
		return text == null ? null : NUMBER.matcher(text).replaceAll(MASK);
	}

}
