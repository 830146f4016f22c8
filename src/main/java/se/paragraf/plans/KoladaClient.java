package se.paragraf.plans;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import se.paragraf.shared.RuleViolation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads indicator values from Kolada's API (v3: {@code /data/kpi/{kpi}/municipality/{id}/year/{years}}).
 * A slow, failing or malformed answer becomes a {@link RuleViolation} with a message the user can
 * act on; nothing half-read is ever returned.
 */
@Component
public class KoladaClient {

	static final Pattern KPI = Pattern.compile("[A-Z]\\d{5}");

	private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_PAGES = 20;

	private final KoladaSettings settings;

	private final HttpClient http;

	public KoladaClient(KoladaSettings settings) {
		this.settings = settings;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/** The values of a KPI for a municipality (its four-digit code) in the given years. */
	public List<KoladaValue> values(String kpi, String municipalityCode, Collection<Integer> years) {
		if (!KPI.matcher(kpi).matches()) {
			throw RuleViolation.onField("koladaKpi", "plans.kolada.kpiInvalid", kpi);
		}
		if (!MUNICIPALITY.matcher(municipalityCode).matches() || years.isEmpty()) {
			throw new RuleViolation("plans.kolada.requestInvalid", municipalityCode);
		}
		String base = this.settings.baseUrl().toString().replaceAll("/+$", "");
		URI uri = URI.create(base + "/data/kpi/" + kpi + "/municipality/" + municipalityCode + "/year/"
				+ years.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
		List<KoladaValue> values = new ArrayList<>();
		for (int page = 0; uri != null && page < MAX_PAGES; page++) {
			JsonNode root = get(uri);
			values.addAll(parse(root, kpi));
			JsonNode next = root.get("next_page");
			uri = next != null && next.isString() && !next.asString().isBlank() ? URI.create(next.asString()) : null;
		}
		return values;
	}

	private JsonNode get(URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.settings.readTimeout())
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException ex) {
			throw new RuleViolation("plans.kolada.timeout", this.settings.readTimeout().toSeconds());
		}
		catch (IOException ex) {
			throw new RuleViolation("plans.kolada.unavailable", String.valueOf(ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RuleViolation("plans.kolada.unavailable", "interrupted");
		}
		if (response.statusCode() != 200) {
			throw new RuleViolation("plans.kolada.status", response.statusCode());
		}
		try {
			return JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new RuleViolation("plans.kolada.malformed");
		}
	}

	private static List<KoladaValue> parse(JsonNode root, String kpi) {
		JsonNode entries = root == null ? null : root.get("values");
		if (entries == null || !entries.isArray()) {
			throw new RuleViolation("plans.kolada.malformed");
		}
		List<KoladaValue> values = new ArrayList<>();
		for (JsonNode entry : entries) {
			JsonNode municipality = entry.get("municipality");
			JsonNode period = entry.get("period");
			JsonNode genders = entry.get("values");
			if (municipality == null || period == null || genders == null || !genders.isArray()
					|| !(period.isNumber() || period.isString())) {
				throw new RuleViolation("plans.kolada.malformed");
			}
			JsonNode entryKpi = entry.get("kpi");
			if (entryKpi != null && !kpi.equals(entryKpi.asString())) {
				throw new RuleViolation("plans.kolada.malformed");
			}
			for (JsonNode gender : genders) {
				JsonNode value = gender.get("value");
				if (!"T".equals(gender.path("gender").asString(""))) {
					continue;
				}
				if (value == null || value.isNull()) {
					continue; // Kolada has no value for this period yet
				}
				if (!value.isNumber()) {
					throw new RuleViolation("plans.kolada.malformed");
				}
				values.add(new KoladaValue(kpi, municipality.asString(), period.asString(), value.decimalValue()));
			}
		}
		return values;
	}

}
