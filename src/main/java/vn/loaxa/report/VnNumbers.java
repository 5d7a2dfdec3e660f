package vn.loaxa.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Numbers as a Vietnamese document writes them: {@code 1.240}, {@code 12,5}, {@code 30,0%}. */
public final class VnNumbers {

	private VnNumbers() {
	}

	public static String count(long n) {
		return format("#,##0", n);
	}

	/** One decimal, dropped when it is zero: 380 phút, 12,5 phút. */
	public static String decimal(double value) {
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
		return format(rounded.stripTrailingZeros().scale() <= 0 ? "#,##0" : "#,##0.0", rounded);
	}

	/** Minutes as hours and minutes: 12 giờ 30 phút, 2 giờ, 25 phút, 1 giờ 0,5 phút. */
	public static String hoursAndMinutes(double minutes) {
		BigDecimal total = BigDecimal.valueOf(minutes).setScale(1, RoundingMode.HALF_UP);
		BigDecimal[] split = total.divideAndRemainder(BigDecimal.valueOf(60));
		long hours = split[0].longValue();
		BigDecimal rest = split[1];
		if (hours == 0) {
			return decimal(rest.doubleValue()) + " phút";
		}
		return count(hours) + " giờ" + (rest.signum() == 0 ? "" : " " + decimal(rest.doubleValue()) + " phút");
	}

	/** Always one decimal, with the sign: 30,0%. */
	public static String percent(double value) {
		return format("#,##0.0", BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP)) + "%";
	}

	private static String format(String pattern, Object value) {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols();
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		symbols.setMinusSign('-');
		DecimalFormat format = new DecimalFormat(pattern, symbols);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}
}
