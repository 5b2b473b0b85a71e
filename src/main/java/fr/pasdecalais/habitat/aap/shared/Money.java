package fr.pasdecalais.habitat.aap.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money rules of the project: 2 decimals, HALF_UP, shown the French way ("33 600,00 €"). */
public final class Money {

  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private Money() {}

  public static BigDecimal of(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  public static BigDecimal of(String value) {
    return of(new BigDecimal(value));
  }

  /** {@code amount × percent / 100}, to the cent. */
  public static BigDecimal percentOf(BigDecimal amount, int percent) {
    return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }

  /** "33 600,00 €" (empty for no amount): the one French display of money of the product. */
  public static String format(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.FRANCE);
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
    return format.format(of(amount)) + " €";
  }
}
