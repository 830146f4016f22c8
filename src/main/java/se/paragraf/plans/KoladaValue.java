package se.paragraf.plans;

import java.math.BigDecimal;

/**
 * One value Kolada publishes: a KPI for a municipality and a period, all genders (T).
 */
public record KoladaValue(String kpi, String municipality, String period, BigDecimal value) {
}
