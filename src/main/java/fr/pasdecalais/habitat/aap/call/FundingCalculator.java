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

  /** One line of a convention's schedule: at signature, at an interim report, or the balance. */
  public record ScheduledAmount(String kind, int instalment, int percent, String trigger, BigDecimal amount) {}

  /**
   * Every amount of the terms, each computed once: the advance, each intermediate instalment
   * ({@code granted × percent / 100}, to the cent), the balance the remainder, so that the sum is the
   * granted amount to the cent. Lines of zero are left out (no advance at 0 %, no balance at 100 %).
   */
  public java.util.List<ScheduledAmount> schedule(BigDecimal granted, PaymentTerms terms) {
    BigDecimal g = money(granted);
    java.util.List<ScheduledAmount> lines = new java.util.ArrayList<>();
    BigDecimal advance = money(g.multiply(BigDecimal.valueOf(terms.getAdvancePercent())).divide(HUNDRED));
    BigDecimal rest = g.subtract(advance);
    if (advance.signum() > 0) {
      lines.add(new ScheduledAmount("ADVANCE", 0, terms.getAdvancePercent(), "SIGNATURE", advance));
    }
    int n = 0;
    for (PaymentInstalment i : terms.getInstalments()) {
      n++;
      BigDecimal amount = money(g.multiply(BigDecimal.valueOf(i.getPercent())).divide(HUNDRED)).min(rest);
      rest = rest.subtract(amount);
      lines.add(new ScheduledAmount("INSTALMENT", n, i.getPercent(), i.getAfterReport(), amount));
    }
    if (rest.signum() > 0) {
      lines.add(new ScheduledAmount("BALANCE", 0, 100 - terms.percentBeforeBalance(), terms.getBalanceTrigger().name(), rest));
    }
    return lines;
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

  /**
   * The most a dossier may receive under the rule for the units requested: FIXED and PRORATED the
   * rule's amount (the ratio never exceeds 1), CAP_PER_UNIT the cap × the units (one unit when none
   * is given), UNIT_PRICES none of its own (the quantities of each priced unit are only known at
   * service fait): the lot's envelope then bounds it. Always at most the envelope.
   */
  public BigDecimal maximum(FundingRule rule, BigDecimal units, BigDecimal envelope) {
    BigDecimal own = ruleMax(rule, units);
    BigDecimal max = own == null ? envelope : envelope == null ? own : own.min(envelope);
    return money(max);
  }

  /**
   * The French reason why {@code amount} exceeds what the rule allows ({@link #maximum}), or empty:
   * "le montant demandé (120 000,00 €) dépasse le montant forfaitaire par dossier (100 000,00 €)".
   */
  public java.util.Optional<String> excess(FundingRule rule, BigDecimal amount, BigDecimal units, BigDecimal envelope) {
    if (amount == null) {
      return java.util.Optional.empty();
    }
    BigDecimal max = maximum(rule, units, envelope);
    if (amount.compareTo(max) <= 0) {
      return java.util.Optional.empty();
    }
    String maxFmt = fr.pasdecalais.habitat.aap.shared.Money.format(max);
    BigDecimal own = ruleMax(rule, units);
    String why = own == null || (envelope != null && own.compareTo(envelope) > 0) ? "l'enveloppe du lot (" + maxFmt + ")"
        : switch (rule.kind()) {
          case FIXED -> "le montant forfaitaire par dossier (" + maxFmt + ")";
          case PRORATED -> "le montant de référence de l'appel (" + maxFmt + " pour " + rule.baseMonths() + " mois et "
              + rule.baseQuantity() + " situations)";
          case CAP_PER_UNIT -> "le plafond de " + fr.pasdecalais.habitat.aap.shared.Money.format(rule.amount()) + " par "
              + unit(rule) + " appliqué à " + plain(unitsOrOne(units)) + " " + unit(rule) + " (" + maxFmt + ")";
          case UNIT_PRICES -> "l'enveloppe du lot (" + maxFmt + ")";
        };
    return java.util.Optional.of("(" + fr.pasdecalais.habitat.aap.shared.Money.format(money(amount)) + ") dépasse " + why);
  }

  /** The rule's own maximum for these units, null when it has none (UNIT_PRICES). */
  private static BigDecimal ruleMax(FundingRule rule, BigDecimal units) {
    return switch (rule.kind()) {
      case FIXED, PRORATED -> rule.amount();
      case CAP_PER_UNIT -> rule.amount().multiply(unitsOrOne(units));
      case UNIT_PRICES -> null;
    };
  }

  private static BigDecimal unitsOrOne(BigDecimal units) {
    return units == null || units.signum() <= 0 ? BigDecimal.ONE : units;
  }

  /**
   * The volume a convention states, in the rule's unit: UNIT_PRICES the granted amount in units of
   * the rule's first price (12 600,00 € at 175 € → "72 mois de mesure d'accompagnement"),
   * CAP_PER_UNIT the units ("2 ETP"), PRORATED the situations; FIXED none (the convention states the
   * amount). Empty when nothing is known.
   */
  public java.util.Optional<String> volume(FundingRule rule, BigDecimal granted, BigDecimal units) {
    return switch (rule.kind()) {
      case FIXED -> java.util.Optional.empty();
      case UNIT_PRICES -> {
        if (granted == null || rule.unitPrices().isEmpty()) {
          yield java.util.Optional.empty();
        }
        FundingRule.UnitPriceLine first = rule.unitPrices().get(0);
        BigDecimal count = granted.divide(first.price(), 2, RoundingMode.HALF_UP);
        yield java.util.Optional.of(plain(count) + " " + lowerFirst(first.label()) + " à "
            + fr.pasdecalais.habitat.aap.shared.Money.format(first.price()));
      }
      case CAP_PER_UNIT -> {
        BigDecimal n = units;
        if (n == null && granted != null && rule.amount() != null) {
          n = granted.divide(rule.amount(), 0, RoundingMode.CEILING);
        }
        yield n == null ? java.util.Optional.empty() : java.util.Optional.of(plain(n) + " " + unit(rule));
      }
      case PRORATED -> units == null ? java.util.Optional.empty() : java.util.Optional.of(plain(units) + " situations");
    };
  }

  private static String plain(BigDecimal n) {
    return n.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  private static String lowerFirst(String label) {
    return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
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
