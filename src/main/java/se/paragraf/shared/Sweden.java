package se.paragraf.shared;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Where Paragraf works: Swedish time and the Swedish language, whatever the server's own defaults.
 * Dates a user sees (a diary year, a meeting day, "today") are Swedish dates; read the current time
 * through the {@link java.time.Clock} bean, which is in this zone.
 */
public final class Sweden {

	/** For annotations, which need a constant ({@code @Scheduled(zone = Sweden.ZONE_ID)}). */
	public static final String ZONE_ID = "Europe/Stockholm";

	public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

	/** The language of documents, e-mails and the default user interface. */
	public static final Locale LOCALE = Locale.forLanguageTag("sv-SE");

	private Sweden() {
	}

}
