package se.paragraf.matters;

/**
 * The officer report of a matter was written or revised.
 */
public record OfficerReportWritten(Long matterId) {
}
