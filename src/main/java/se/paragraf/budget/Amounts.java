package se.paragraf.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

import se.paragraf.shared.Sweden;

/**
 * Display units and Swedish number formatting. Amounts are öre; tkr and mSEK exist only on screen
 * and paper.
 */
public final class Amounts {

	/** öre in one thousand kronor. */
	public static final long TKR = 100_000L;

	/** öre in one million kronor. */
	public static final long MSEK = 100_000_000L;

	/** öre in a tenth of a million kronor: mSEK with one decimal. */
	public static final long TENTH_MSEK = 10_000_000L;

	/**
	 * The largest amount any one figure may have, in öre either way: ten thousand billion kronor, far
	 * beyond any municipal budget and small enough that thousands of them add up without overflowing a long.
	 */
	public static final long MAX_ORE = 1_000_000_000_000_000L;

	private Amounts() {
	}

	/** Whether an amount in öre is within {@link #MAX_ORE} either way. */
	public static boolean withinBound(long ore) {
		return ore >= -MAX_ORE && ore <= MAX_ORE;
	}

	/** The exact sum of amounts in öre; an overflow is an error, never a wrapped total. */
	public static long sum(java.util.stream.LongStream amounts) {
		return amounts.reduce(0L, Math::addExact);
	}

	/** Whole units with a non-breaking space between thousands: "-37 841". */
	public static String units(long units) {
		return Sweden.number(units);
	}

	/** Units with a fixed number of decimals and a decimal comma: "0,5". */
	public static String units(long units, int decimals) {
		if (decimals == 0) {
			return units(units);
		}
		BigDecimal value = BigDecimal.valueOf(units).movePointLeft(decimals);
		String plain = value.abs().toPlainString();
		int dot = plain.indexOf('.');
		return group(plain.substring(0, dot), value.signum() < 0) + "," + plain.substring(dot + 1);
	}

	/** An exact amount in kronor with öre: "-2 901 000,00 kr". */
	public static String exact(long ore) {
		return units(ore, 2) + " kr";
	}

	/** Öre as kronor, exactly. */
	public static BigDecimal kronor(long ore) {
		return BigDecimal.valueOf(ore, 2);
	}

	/** An amount in mSEK with one decimal, two below a tenth: "0,9", "0,07". */
	public static String msek(long ore) {
		long tenths = DisplayRounding.round(ore, TENTH_MSEK);
		if (Math.abs(ore) < TENTH_MSEK && ore != 0) {
			return units(DisplayRounding.round(ore, TENTH_MSEK / 10), 2);
		}
		return units(tenths, 1);
	}

	/** A percentage as the seed writes it: "4", "44,56". */
	public static String percent(BigDecimal percent) {
		DecimalFormat format = new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Sweden.LOCALE));
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(percent).replace('\u2212', '-');
	}

	/** A headcount with two decimals: "32,00". */
	public static String headcount(BigDecimal headcount) {
		return units(headcount.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact(), 2);
	}

	private static String group(String digits, boolean negative) {
		StringBuilder out = new StringBuilder();
		int length = digits.length();
		for (int i = 0; i < length; i++) {
			if (i > 0 && (length - i) % 3 == 0) {
				out.append('\u00a0');
			}
			out.append(digits.charAt(i));
		}
		return (negative ? "-" : "") + out;
	}

}
