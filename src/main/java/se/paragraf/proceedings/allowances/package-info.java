/**
 * Allowances (arvode) from the recorded attendance: each board's rules for what counts (a minimum
 * time, the full-day threshold, whether substitutes who did not serve count), the monthly list per
 * person and board of the meetings attended and their length, and payroll runs: closed, exported
 * as CSV and .xlsx, and corrected only by new lines in a later run. Internal to proceedings, whose
 * record of the meeting it reads.
 */
@org.jspecify.annotations.NullMarked
package se.paragraf.proceedings.allowances;
