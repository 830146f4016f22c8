package se.paragraf.plans;

/**
 * Which way an indicator should move for the goal to be met.
 */
public enum Direction {

	INCREASE, DECREASE, MAINTAIN

}
