package fr.pasdecalais.habitat.aap.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** French display of money: {@code 33 600,00 €}. */
public final class Money {

  private Money() {}

  public static String french(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
    return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + " €";
  }
}
