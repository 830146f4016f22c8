package se.paragraf.budget;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Rounds exact amounts to a display unit (tkr, mSEK) from the top down so that displayed children add
 * up to their displayed parent: the parent is rounded to the nearest unit, each child too, and the
 * difference is moved one unit at a time to the children whose rounding lost the most (largest
 * remainder). Ties go to the larger magnitude, then to the earlier row, so the result is
 * deterministic and the same for negated input (sign-symmetric).
 */
public final class DisplayRounding {

	private DisplayRounding() {
	}

	/** The nearest multiple of {@code unit}, in units; halves round away from zero. */
	public static long round(long exact, long unit) {
		long quotient = exact / unit;
		long remainder = exact % unit;
		if (Math.abs(remainder) * 2 >= unit) {
			quotient += Long.signum(remainder);
		}
		return quotient;
	}

	/** A parent and its children in display units; {@code adjusted[i]} marks a child moved off its nearest rounding. */
	public record Allocation(long parent, long[] children, boolean[] adjusted) {
	}

	/** Rounds {@code children} (whose exact sum is the parent) so that they add up to the rounded parent. */
	public static Allocation allocate(long[] children, long unit) {
		long exactParent = Arrays.stream(children).sum();
		long parent = round(exactParent, unit);
		long[] shown = new long[children.length];
		long[] residual = new long[children.length];
		long sum = 0;
		for (int i = 0; i < children.length; i++) {
			shown[i] = round(children[i], unit);
			residual[i] = children[i] - shown[i] * unit;
			sum += shown[i];
		}
		boolean[] adjusted = new boolean[children.length];
		long difference = parent - sum;
		if (difference != 0) {
			int direction = Long.signum(difference);
			// Largest remainder in the direction we must move; then larger magnitude; then earlier row.
			Integer[] order = IntStream.range(0, children.length).boxed().toArray(Integer[]::new);
			Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -direction * residual[i])
				.thenComparingLong(i -> -Math.abs(children[i]))
				.thenComparingInt(i -> i));
			for (int k = 0; k < Math.abs(difference); k++) {
				int i = order[k % order.length];
				shown[i] += direction;
				adjusted[i] = true;
			}
		}
		return new Allocation(parent, shown, adjusted);
	}

}
