/**
 * The board's operations plan (verksamhetsplan): sections, priorities, strategic goals with
 * indicators and their measurements (own or from Kolada), and the units' descriptions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "people" })
@org.jspecify.annotations.NullMarked
package se.paragraf.plans;
