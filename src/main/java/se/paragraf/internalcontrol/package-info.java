/**
 * Internal control: the regulation, risk analyses on a versioned likelihood × consequence matrix,
 * control plans (municipality-wide with common control points, or a board's own) and the boards'
 * follow-ups, reported to the executive board by 31 January.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people" })
@org.jspecify.annotations.NullMarked
package se.paragraf.internalcontrol;
