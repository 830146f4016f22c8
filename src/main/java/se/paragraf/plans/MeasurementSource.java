package se.paragraf.plans;

/**
 * How a measurement got into Paragraf.
 */
public enum MeasurementSource {

	MANUAL, CSV, KOLADA

}
