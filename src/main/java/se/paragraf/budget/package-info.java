/**
 * The board's budget as live, exact, versioned data: the detailed operating budget per activity, the
 * cost-type bridge, headcount, planning assumptions and the investment budget, with the checks that
 * keep its tables consistent and the tables that documents embed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people" })
@org.jspecify.annotations.NullMarked
package se.paragraf.budget;
