package se.paragraf.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import se.paragraf.budget.DisplayRounding.Allocation;

/**
 * Properties of the top-down rounding, each over thousands of generated cases from a seeded
 * {@link Random} (the seed is in the failure message), instead of jqwik.
 */
class DisplayRoundingUnitTests {

	private static final int CASES = 3_000;

	private static final long[] UNITS = { Amounts.TKR, Amounts.TENTH_MSEK, Amounts.MSEK, 100 };

	@Test
	void displayedChildrenAddUpToTheDisplayedParent() {
		forAll((children, unit) -> {
			Allocation allocation = DisplayRounding.allocate(children, unit);
			assertThat(Arrays.stream(allocation.children()).sum()).isEqualTo(allocation.parent());
			assertThat(allocation.parent()).isEqualTo(DisplayRounding.round(Arrays.stream(children).sum(), unit));
		});
	}

	@Test
	void everyDisplayedAmountIsLessThanOneUnitFromTheExact() {
		forAll((children, unit) -> {
			Allocation allocation = DisplayRounding.allocate(children, unit);
			for (int i = 0; i < children.length; i++) {
				assertThat(Math.abs(allocation.children()[i] * unit - children[i])).isLessThan(unit);
			}
			assertThat(Math.abs(allocation.parent() * unit - Arrays.stream(children).sum())).isLessThan(unit);
		});
	}

	@Test
	void roundingDisplayedAmountsAgainChangesNothing() {
		forAll((children, unit) -> {
			Allocation once = DisplayRounding.allocate(children, unit);
			long[] displayed = Arrays.stream(once.children()).map(units -> units * unit).toArray();
			Allocation twice = DisplayRounding.allocate(displayed, unit);
			assertThat(twice.children()).containsExactly(once.children());
			assertThat(twice.parent()).isEqualTo(once.parent());
			assertThat(twice.adjusted()).doesNotContain(true);
		});
	}

	@Test
	void zeroStaysZero() {
		forAll((children, unit) -> {
			long[] withZeros = children.clone();
			for (int i = 0; i < withZeros.length; i += 2) {
				withZeros[i] = 0;
			}
			Allocation allocation = DisplayRounding.allocate(withZeros, unit);
			for (int i = 0; i < withZeros.length; i += 2) {
				assertThat(allocation.children()[i]).isZero();
			}
		});
		assertThat(DisplayRounding.allocate(new long[] { 0, 0, 0 }, Amounts.TKR).children()).containsOnly(0L);
	}

	@Test
	void negatingTheInputNegatesTheOutput() {
		forAll((children, unit) -> {
			Allocation allocation = DisplayRounding.allocate(children, unit);
			Allocation negated = DisplayRounding.allocate(Arrays.stream(children).map(c -> -c).toArray(), unit);
			assertThat(negated.children()).containsExactly(Arrays.stream(allocation.children()).map(c -> -c).toArray());
			assertThat(negated.parent()).isEqualTo(-allocation.parent());
			assertThat(negated.adjusted()).containsExactly(allocation.adjusted());
		});
	}

	@Test
	void breaksTiesByMagnitudeThenByRow() {
		// Three thirds of 1 tkr: each rounds to 0, the total to 1; the first row takes the unit.
		Allocation thirds = DisplayRounding.allocate(new long[] { 33_333, 33_333, 33_334 }, Amounts.TKR);
		assertThat(thirds.parent()).isEqualTo(1);
		assertThat(thirds.children()).containsExactly(0, 0, 1);
		assertThat(thirds.adjusted()).containsExactly(false, false, true);
		Allocation ties = DisplayRounding.allocate(new long[] { 40_000, 40_000, 40_000 }, Amounts.TKR);
		assertThat(ties.children()).containsExactly(1, 0, 0);
	}

	@Test
	void roundsNegativeAmountsLikeTheirPositiveMirror() {
		Allocation thirds = DisplayRounding.allocate(new long[] { -33_333, -33_333, -33_334 }, Amounts.TKR);
		assertThat(thirds.parent()).isEqualTo(-1);
		assertThat(thirds.children()).containsExactly(0, 0, -1);
		assertThat(thirds.adjusted()).containsExactly(false, false, true);
		// Revenues and costs in one column: each rounds on its own and nothing needs moving.
		Allocation mixed = DisplayRounding.allocate(new long[] { -60_000, 60_000 }, Amounts.TKR);
		assertThat(mixed.parent()).isZero();
		assertThat(mixed.children()).containsExactly(-1, 1);
		assertThat(mixed.adjusted()).containsExactly(false, false);
	}

	@Test
	void roundsHalvesAwayFromZeroAndTakesBackTheExtraUnitFromTheFirstTiedRow() {
		assertThat(DisplayRounding.round(500, 1_000)).isEqualTo(1);
		assertThat(DisplayRounding.round(-500, 1_000)).isEqualTo(-1);
		assertThat(DisplayRounding.round(499, 1_000)).isZero();
		assertThat(DisplayRounding.round(-499, 1_000)).isZero();
		// Two halves: each rounds up to 1, their sum (1 unit exactly) stays 1, so one row gives its unit back.
		Allocation halves = DisplayRounding.allocate(new long[] { 50_000, 50_000 }, Amounts.TKR);
		assertThat(halves.parent()).isEqualTo(1);
		assertThat(halves.children()).containsExactly(0, 1);
		assertThat(halves.adjusted()).containsExactly(true, false);
		Allocation negativeHalves = DisplayRounding.allocate(new long[] { -50_000, -50_000 }, Amounts.TKR);
		assertThat(negativeHalves.children()).containsExactly(0, -1);
		assertThat(negativeHalves.adjusted()).containsExactly(true, false);
	}

	@Test
	void givesTheMissingUnitToTheLargestRemainderEvenPastALargerRow() {
		// 0.45 + 0.3 + 2.3 = 3.05 tkr: rounded alone 0 + 0 + 2 = 2, the total 3; 0.45 lost the most.
		Allocation allocation = DisplayRounding.allocate(new long[] { 45_000, 30_000, 230_000 }, Amounts.TKR);
		assertThat(allocation.children()).containsExactly(1, 0, 2);
		assertThat(allocation.adjusted()).containsExactly(true, false, false);
	}

	@Test
	void leavesAnAllZeroRowAndAnEmptyColumnAtZeroWithoutMarks() {
		Allocation zeros = DisplayRounding.allocate(new long[] { 0, 0, 0, 0, 0 }, Amounts.TKR);
		assertThat(zeros.parent()).isZero();
		assertThat(zeros.children()).containsOnly(0L);
		assertThat(zeros.adjusted()).containsOnly(false);
		Allocation empty = DisplayRounding.allocate(new long[0], Amounts.TKR);
		assertThat(empty.parent()).isZero();
		assertThat(empty.children()).isEmpty();
		// Zero rows next to rows that need the unit never take it.
		Allocation withZeros = DisplayRounding.allocate(new long[] { 0, 33_333, 0, 33_333, 33_334 }, Amounts.TKR);
		assertThat(withZeros.children()).containsExactly(0, 0, 0, 0, 1);
	}

	@Test
	void roundsTheSeedsExternalRevenueRowsToTheirOwnSum() {
		long t = Amounts.TKR;
		Allocation external = DisplayRounding.allocate(
				new long[] { -2901 * t, -2144 * t, -12722 * t, -15205 * t, -4870 * t }, t);
		assertThat(external.parent()).isEqualTo(-37842);
		assertThat(external.adjusted()).doesNotContain(true);
	}

	private static void forAll(java.util.function.BiConsumer<long[], Long> property) {
		long seed = new Random().nextLong();
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			long unit = UNITS[random.nextInt(UNITS.length)];
			long[] children = new long[random.nextInt(12)];
			int scale = random.nextInt(4);
			for (int i = 0; i < children.length; i++) {
				long magnitude = switch (scale) {
					case 0 -> unit * 3;
					case 1 -> unit * 1_000;
					case 2 -> unit * 1_000_000;
					default -> 1_000_000_000_000L;
				};
				children[i] = random.nextLong(-magnitude, magnitude + 1);
				if (random.nextInt(8) == 0) {
					children[i] = (children[i] / unit) * unit + (random.nextBoolean() ? unit / 2 : -unit / 2);
				}
			}
			long[] input = children;
			int caseNumber = n;
			try {
				property.accept(input, unit);
			}
			catch (AssertionError failure) {
				throw new AssertionError("seed " + seed + ", case " + caseNumber + ", unit " + unit + ", children "
						+ Arrays.toString(input) + ": " + failure.getMessage(), failure);
			}
		}
	}


}
