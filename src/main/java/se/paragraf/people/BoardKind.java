package se.paragraf.people;

/**
 * Whether a board serves one municipality or several (kommunallagen 9 kap. 19 §).
 */
public enum BoardKind {

	ORDINARY, JOINT

}
