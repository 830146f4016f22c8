package se.paragraf.plans;

/**
 * Where an indicator's values come from: the administration's own measurements, or Kolada.
 */
public enum IndicatorSource {

	INTERNAL, KOLADA

}
