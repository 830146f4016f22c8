package se.paragraf.proceedings;

import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;

import se.paragraf.shared.persistence.JsonListConverter;

/**
 * The meeting record's small lists, each kept in one column as JSON.
 */
final class JsonConverters {

	private JsonConverters() {
	}

	@Converter
	static class Attendances extends JsonListConverter<Attendance> {

		Attendances() {
			super(new TypeReference<>() {
			});
		}

	}

	@Converter
	static class Ids extends JsonListConverter<Long> {

		Ids() {
			super(new TypeReference<>() {
			});
		}

	}

	@Converter
	static class Proposals extends JsonListConverter<Proposal> {

		Proposals() {
			super(new TypeReference<>() {
			});
		}

	}

	@Converter
	static class Votes extends JsonListConverter<Vote> {

		Votes() {
			super(new TypeReference<>() {
			});
		}

	}

	@Converter
	static class Dissents extends JsonListConverter<Dissent> {

		Dissents() {
			super(new TypeReference<>() {
			});
		}

	}

	@Converter
	static class Signatures extends JsonListConverter<Signature> {

		Signatures() {
			super(new TypeReference<>() {
			});
		}

	}

}
