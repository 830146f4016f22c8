package se.paragraf.plans;

/**
 * What a plan section holds: its own text, or its text followed by the priorities, the strategic
 * goals and the units' descriptions as numbered sub-sections ("2. Mål och prioriteringar").
 */
public enum SectionKind {

	TEXT, GOALS

}
