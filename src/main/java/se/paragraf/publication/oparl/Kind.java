package se.paragraf.publication.oparl;

/**
 * The OParl object types Paragraf serves: the type name, the path of one object and the path of
 * the list under a body.
 */
enum Kind {

	SYSTEM("System", "system", "systems"), BODY("Body", "body", "bodies"),
	ORGANIZATION("Organization", "organization", "organizations"), PERSON("Person", "person", "persons"),
	MEMBERSHIP("Membership", "membership", "memberships"), MEETING("Meeting", "meeting", "meetings"),
	AGENDA_ITEM("AgendaItem", "agendaitem", "agendaitems"), PAPER("Paper", "paper", "papers"),
	CONSULTATION("Consultation", "consultation", "consultations"), FILE("File", "file", "files"),
	LOCATION("Location", "location", "locations"),
	LEGISLATIVE_TERM("LegislativeTerm", "legislativeterm", "legislativeterms");

	static final String SCHEMA = "https://schema.oparl.org/1.1/";

	private final String typeName;

	private final String segment;

	private final String listSegment;

	Kind(String typeName, String segment, String listSegment) {
		this.typeName = typeName;
		this.segment = segment;
		this.listSegment = listSegment;
	}

	String type() {
		return SCHEMA + this.typeName;
	}

	String segment() {
		return this.segment;
	}

	String listSegment() {
		return this.listSegment;
	}

	static Kind ofListSegment(String segment) {
		for (Kind kind : values()) {
			if (kind.listSegment.equals(segment) && kind != SYSTEM && kind != BODY) {
				return kind;
			}
		}
		throw new OParlNotFound("list " + segment);
	}

	static Kind ofSegment(String segment) {
		for (Kind kind : values()) {
			if (kind.segment.equals(segment) && kind != SYSTEM) {
				return kind;
			}
		}
		throw new OParlNotFound("type " + segment);
	}

}
