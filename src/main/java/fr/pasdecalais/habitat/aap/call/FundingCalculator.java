package fr.pasdecalais.habitat.aap.call;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Computes money from a call's {@link FundingRule}: the amount a dossier may be granted, the share
 * paid at signature and the balance (the remainder, so that advance + balance = granted to the
 * cent), and the amount due on service fait from the quantities actually delivered, capped by the
 * granted amount. {@code BigDecimal}, scale 2, {@code HALF_UP}.
 */
@Service
public class FundingCalculator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final MathContext RATIO = new MathContext(20, RoundingMode.HALF_UP);

  /**
   * The quantities a computation reads; only those of the rule's kind are needed.
   *
   * @param requestedAmount FIXED / CAP_PER_UNIT: the amount asked for (null: the maximum)
   * @param units CAP_PER_UNIT: number of units (ETP, groups…)
   * @param months PRORATED: months of the convention
   * @param situations PRORATED: situations studied
   * @param quantities UNIT_PRICES: quantity per unit code (e.g. {@code VEJ → 157})
   */
  public record Quantities(BigDecimal requestedAmount, BigDecimal units, Integer months, Integer situations,
      Map<String, BigDecimal> quantities) {

    public Quantities {
      quantities = quantities == null ? Map.of() : Map.copyOf(quantities);
    }

    public static Quantities requested(BigDecimal amount) {
      return new Quantities(amount, null, null, null, Map.of());
    }

    public static Quantities units(BigDecimal requestedAmount, BigDecimal units) {
      return new Quantities(requestedAmount, units, null, null, Map.of());
    }

    public static Quantities prorated(int months, int situations) {
      return new Quantities(null, null, months, situations, Map.of());
    }

    public static Quantities of(Map<String, BigDecimal> quantities) {
      return new Quantities(null, null, null, null, quantities);
    }
  }

  /** Advance paid at signature and the balance, the remainder. */
  public record PaymentSplit(BigDecimal granted, BigDecimal advance, BigDecimal balance) {}

  /** On service fait: what is still to pay, or to recover when more than due was paid. */
  public record Settlement(BigDecimal amountDue, BigDecimal alreadyPaid, BigDecimal balanceToPay, BigDecimal toRecover) {}

  /** The amount the rule allows for these quantities. */
  public BigDecimal amount(FundingRule rule, Quantities q) {
    BigDecimal result = switch (rule.kind()) {
      case FIXED -> capBy(rule.amount(), q.requestedAmount());
      case CAP_PER_UNIT -> {
        BigDecimal units = require(q.units(), "le nombre d'unités (" + unit(rule) + ")");
        positiveOrZero(units, "Le nombre d'unités");
        yield capBy(rule.amount().multiply(units), q.requestedAmount());
      }
      case PRORATED -> {
        int months = require(q.months(), "le nombre de mois");
        int situations = require(q.situations(), "le nombre de situations");
        positiveOrZero(BigDecimal.valueOf(months), "Le nombre de mois");
        positiveOrZero(BigDecimal.valueOf(situations), "Le nombre de situations");
        BigDecimal byMonths = BigDecimal.valueOf(months).divide(BigDecimal.valueOf(rule.baseMonths()), RATIO);
        BigDecimal bySituations = BigDecimal.valueOf(situations).divide(BigDecimal.valueOf(rule.baseQuantity()), RATIO);
        BigDecimal ratio = byMonths.min(bySituations).min(BigDecimal.ONE);
        yield rule.amount().multiply(ratio);
      }
      case UNIT_PRICES -> {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : q.quantities().entrySet()) {
          FundingRule.UnitPriceLine line = rule.unitPrices().stream().filter(u -> u.code().equals(e.getKey()))
              .findFirst().orElseThrow(() -> new IllegalArgumentException(
                  "L'unité « " + e.getKey() + " » n'est pas financée par cet appel."));
          positiveOrZero(e.getValue(), "La quantité de « " + line.label() + " »");
          total = total.add(line.price().multiply(e.getValue()));
        }
        yield total;
      }
    };
    return money(result);
  }

  /** Share paid at signature ({@code advancePercent} of the granted amount) and the balance, the remainder. */
  public PaymentSplit split(BigDecimal granted, int advancePercent) {
    if (advancePercent < 0 || advancePercent > 100) {
      throw new IllegalArgumentException("La part versée à la signature est comprise entre 0 et 100 %.");
    }
    BigDecimal g = money(granted);
    BigDecimal advance = money(g.multiply(BigDecimal.valueOf(advancePercent)).divide(HUNDRED));
    return new PaymentSplit(g, advance, g.subtract(advance));
  }

  public PaymentSplit split(BigDecimal granted, PaymentTerms terms) {
    return split(granted, terms.getAdvancePercent());
  }

  /** The amount due on service fait from the quantities actually delivered, never above the granted amount. */
  public BigDecimal amountDue(FundingRule rule, Quantities actual, BigDecimal granted) {
    BigDecimal due = amount(rule, actual);
    return money(due.min(granted));
  }

  /** What remains to pay (or to recover) once {@code alreadyPaid} is deducted from {@code amountDue}. */
  public Settlement settle(BigDecimal amountDue, BigDecimal alreadyPaid) {
    BigDecimal due = money(amountDue);
    BigDecimal paid = money(alreadyPaid);
    BigDecimal diff = due.subtract(paid);
    return diff.signum() >= 0
        ? new Settlement(due, paid, diff, money(BigDecimal.ZERO))
        : new Settlement(due, paid, money(BigDecimal.ZERO), diff.negate());
  }

  /** Scale 2, HALF_UP. */
  public static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal capBy(BigDecimal max, BigDecimal requested) {
    if (requested == null) {
      return max;
    }
    positiveOrZero(requested, "Le montant demandé");
    return requested.min(max);
  }

  private static String unit(FundingRule rule) {
    return rule.unitLabel() == null ? "unités" : rule.unitLabel();
  }

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("Le calcul du financement demande " + what + ".");
    }
    return value;
  }

  private static void positiveOrZero(BigDecimal value, String what) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " ne peut être négatif.");
    }
  }
}
