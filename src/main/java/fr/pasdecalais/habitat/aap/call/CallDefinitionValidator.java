package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.ParisDateTime;
import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link CallDefinition}: the Jakarta Validation annotations, then the rules across
 * fields (window, convention period, weights, territories, funding rule, payment terms). Returns
 * every problem at once, each with the path of its field and a French message.
 */
@Component
public class CallDefinitionValidator {

  private static final ZoneId PARIS = ParisDateTime.PARIS;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Validator validator;
  private final TerritoryRepository territories;

  public CallDefinitionValidator(Validator validator, TerritoryRepository territories) {
    this.validator = validator;
    this.territories = territories;
  }

  public List<FieldProblem> problems(CallDefinition d) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<CallDefinition> v : validator.validate(d)) {
      problems.add(new FieldProblem(path(v.getPropertyPath().toString()), v.getMessage()));
    }
    // the codes the definition names, looked up among the territories (not the whole referential read)
    Set<String> named = new HashSet<>();
    d.territories().stream().filter(java.util.Objects::nonNull).forEach(named::add);
    d.lots().stream().filter(java.util.Objects::nonNull)
        .forEach(lot -> lot.territories().stream().filter(java.util.Objects::nonNull).forEach(named::add));
    Set<String> known = named.isEmpty() ? Set.of() : new HashSet<>(territories.knownCodes(named));
    for (int i = 0; i < d.territories().size(); i++) {
      territory(d.territories().get(i), "territories[" + i + "]", known, problems);
    }
    duplicates(d.lots(), CallDefinition.Lot::code, "lots", "Le code de lot « %s » est utilisé deux fois.", problems);
    for (int i = 0; i < d.lots().size(); i++) {
      CallDefinition.Lot lot = d.lots().get(i);
      if (lot == null) {
        continue;
      }
      String p = "lots[" + i + "]";
      for (int j = 0; j < lot.territories().size(); j++) {
        territory(lot.territories().get(j), p + ".territories[" + j + "]", known, problems);
      }
      if (lot.opensAt() != null && lot.closesAt() != null && !lot.closesAt().isAfter(lot.opensAt())) {
        problems.add(new FieldProblem(p + ".closesAt", "La clôture (" + ParisDateTime.french(lot.closesAt())
            + ") doit être postérieure à l'ouverture (" + ParisDateTime.french(lot.opensAt()) + ")."));
      }
      if (lot.opensAt() == null && lot.closesAt() != null && !lot.closesAt().toInstant().isAfter(EngineClock.now())) {
        problems.add(new FieldProblem(p + ".closesAt", "Sans date d'ouverture, le lot ouvre à la publication : sa clôture ("
            + ParisDateTime.french(lot.closesAt()) + ") doit être postérieure à maintenant."));
      }
      if (lot.conventionStart() != null && lot.conventionEnd() != null
          && lot.conventionEnd().isBefore(lot.conventionStart())) {
        problems.add(new FieldProblem(p + ".conventionEnd", "La fin de la convention ("
            + ParisDateTime.french(lot.conventionEnd()) + ") précède son début ("
            + ParisDateTime.french(lot.conventionStart()) + ")."));
      }
      if (lot.opensAt() != null && lot.conventionStart() != null
          && lot.conventionStart().isBefore(lot.opensAt().atZoneSameInstant(PARIS).toLocalDate())) {
        problems.add(new FieldProblem(p + ".conventionStart", "La période de convention ne peut commencer ("
            + ParisDateTime.french(lot.conventionStart()) + ") avant l'ouverture de l'appel ("
            + ParisDateTime.french(lot.opensAt().atZoneSameInstant(PARIS).toLocalDate()) + ")."));
      }
      if (lot.closesAt() != null && lot.conventionEnd() != null
          && lot.conventionEnd().isBefore(lot.closesAt().atZoneSameInstant(PARIS).toLocalDate())) {
        problems.add(new FieldProblem(p + ".conventionEnd", "La période de convention ne peut finir ("
            + ParisDateTime.french(lot.conventionEnd()) + ") avant la clôture de l'appel ("
            + ParisDateTime.french(lot.closesAt().atZoneSameInstant(PARIS).toLocalDate()) + ")."));
      }
      funding(lot.funding(), p + ".funding", problems);
      payment(lot.payment(), p + ".payment", d, problems);
    }
    if (!d.selectionCriteria().isEmpty() && d.selectionCriteria().stream().allMatch(c -> c != null && c.weight() != null)) {
      int sum = d.selectionCriteria().stream().mapToInt(CallDefinition.Criterion::weight).sum();
      if (sum != 100) {
        problems.add(new FieldProblem("selectionCriteria", "La somme des poids des critères doit être 100 (elle est de " + sum + ")."));
      }
    }
    duplicates(d.selectionCriteria(), CallDefinition.Criterion::code, "selectionCriteria", "Le code de critère « %s » est utilisé deux fois.", problems);
    duplicates(d.requiredDocuments(), CallDefinition.RequiredDocument::code, "requiredDocuments", "Le code de pièce « %s » est utilisé deux fois.", problems);
    for (int i = 0; i < d.requiredDocuments().size(); i++) {
      CallDefinition.RequiredDocument doc = d.requiredDocuments().get(i);
      if (doc != null && doc.holderTypes().stream().distinct().count() < doc.holderTypes().size()) {
        problems.add(new FieldProblem("requiredDocuments[" + i + "].holderTypes",
            "Un type de porteur est cité deux fois pour la pièce « " + doc.code() + " »."));
      }
    }
    duplicates(d.indicators(), CallDefinition.Indicator::code, "indicators", "Le code d'indicateur « %s » est utilisé deux fois.", problems);
    duplicates(d.jury(), CallDefinition.JuryMember::userId, "jury", "Le membre du jury « %s » est cité deux fois.", problems);
    duplicates(d.reporting(), CallDefinition.ReportingMilestone::code, "reporting", "Le code de bilan « %s » est utilisé deux fois.", problems);
    reporting(d.reporting(), problems);
    funding(d.funding(), "funding", problems);
    payment(d.payment(), "payment", d, problems);
    problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
    return problems;
  }

  /**
   * The reporting schedule: one final report at most, due one way only; a report due once says when
   * (months after the start or dates); the delay of an on-demand report only for on-demand ones.
   */
  private static void reporting(List<CallDefinition.ReportingMilestone> reporting, List<FieldProblem> problems) {
    int finals = 0;
    for (int i = 0; i < reporting.size(); i++) {
      CallDefinition.ReportingMilestone m = reporting.get(i);
      if (m == null || m.kind() == null) {
        continue;
      }
      String field = "reporting[" + i + "]";
      String name = "Le bilan « " + m.code() + " »";
      int ways = (m.monthsAfterStart() != null ? 1 : 0) + (m.monthsAfterEnd() != null ? 1 : 0)
          + (m.inYearAfterEnd() != null ? 1 : 0) + (m.dates().isEmpty() ? 0 : 1);
      if (m.kind() == CallDefinition.ReportKind.FINAL) {
        finals++;
        if (m.frequency() != ReportFrequency.ONCE) {
          problems.add(new FieldProblem(field + ".frequency", name + " est le bilan final : il est dû une seule fois (ONCE)."));
        }
        if (ways > 1) {
          problems.add(new FieldProblem(field, name + " a plusieurs échéances : choisissez monthsAfterStart, monthsAfterEnd, "
              + "inYearAfterEnd ou dates."));
        }
        if (!m.dates().isEmpty() && m.dates().size() > 1) {
          problems.add(new FieldProblem(field + ".dates", name + " est le bilan final : une seule date."));
        }
      } else {
        if (m.monthsAfterEnd() != null || m.inYearAfterEnd() != null) {
          problems.add(new FieldProblem(field, name + " n'est pas le bilan final : monthsAfterEnd et inYearAfterEnd "
              + "sont réservés au bilan final."));
        }
        if (m.frequency() == ReportFrequency.ONCE && m.monthsAfterStart() == null && m.dates().isEmpty()) {
          problems.add(new FieldProblem(field + ".monthsAfterStart", name + " est dû une fois : précisez monthsAfterStart "
              + "ou dates."));
        }
        if (m.frequency() != ReportFrequency.ONCE && !m.dates().isEmpty()) {
          problems.add(new FieldProblem(field + ".dates", name + " est périodique ou à la demande : pas de dates fixes."));
        }
        if (m.frequency() == ReportFrequency.ON_DEMAND && m.monthsAfterStart() != null) {
          problems.add(new FieldProblem(field + ".monthsAfterStart", name + " est demandé à tout moment : pas d'échéance "
              + "en mois."));
        }
      }
      if (m.delayDays() != null && m.frequency() != ReportFrequency.ON_DEMAND) {
        problems.add(new FieldProblem(field + ".delayDays", name + " n'est pas demandé à tout moment : delayDays est "
            + "réservé aux bilans ON_DEMAND."));
      }
    }
    if (finals > 1) {
      problems.add(new FieldProblem("reporting", "Un seul bilan final par appel (il y en a " + finals + ")."));
    }
  }

  private static void funding(CallDefinition.Funding f, String at, List<FieldProblem> problems) {
    if (f == null || f.kind() == null) {
      return;
    }
    switch (f.kind()) {
      case FIXED -> required(f.amount() != null, at + ".amount", "Le montant forfaitaire est obligatoire pour un financement FIXED.", problems);
      case CAP_PER_UNIT -> {
        required(f.amount() != null, at + ".amount", "Le plafond par unité est obligatoire pour un financement CAP_PER_UNIT.", problems);
        required(f.unitLabel() != null && !f.unitLabel().isBlank(), at + ".unitLabel", "L'unité du plafond (ETP, groupe…) est obligatoire pour un financement CAP_PER_UNIT.", problems);
      }
      case PRORATED -> {
        required(f.amount() != null, at + ".amount", "Le montant de référence est obligatoire pour un financement PRORATED.", problems);
        required(f.baseMonths() != null, at + ".baseMonths", "La durée de référence (mois) est obligatoire pour un financement PRORATED.", problems);
        required(f.baseQuantity() != null, at + ".baseQuantity", "Le nombre de situations de référence est obligatoire pour un financement PRORATED.", problems);
      }
      case UNIT_PRICES -> {
        required(!f.unitPrices().isEmpty(), at + ".unitPrices", "Au moins un prix unitaire est obligatoire pour un financement UNIT_PRICES.", problems);
        duplicates(f.unitPrices(), CallDefinition.UnitPrice::code, at + ".unitPrices", "Le code d'unité « %s » est utilisé deux fois.", problems);
      }
    }
  }

  /**
   * Payment terms: any advance 0–100 %, intermediate instalments each tied to an interim report of
   * the call, a balance trigger NONE exactly when nothing remains after signature and instalments.
   * Every combination accepted here has a schedule ({@code Decision_PaymentSchedule}, see
   * PaymentTermsCatalogueTest).
   */
  private static void payment(CallDefinition.Payment p, String at, CallDefinition d, List<FieldProblem> problems) {
    if (p == null || p.advancePercent() == null || p.balanceTrigger() == null) {
      return;
    }
    Set<String> interim = new HashSet<>();
    d.reporting().stream().filter(r -> r != null && r.kind() == CallDefinition.ReportKind.INTERIM)
        .forEach(r -> interim.add(r.code()));
    int before = p.advancePercent();
    for (int i = 0; i < p.instalments().size(); i++) {
      CallDefinition.Instalment inst = p.instalments().get(i);
      if (inst == null || inst.percent() == null) {
        continue;
      }
      before += inst.percent();
      if (inst.afterReport() != null && !inst.afterReport().isBlank() && !interim.contains(inst.afterReport())) {
        problems.add(new FieldProblem(at + ".instalments[" + i + "].afterReport", "Le versement intermédiaire suit le bilan « "
            + inst.afterReport() + " », qui n'est pas un bilan intermédiaire (INTERIM) de l'appel."));
      }
    }
    duplicates(p.instalments(), CallDefinition.Instalment::afterReport, at + ".instalments",
        "Deux versements intermédiaires suivent le même bilan « %s ».", problems);
    if (before > 100) {
      problems.add(new FieldProblem(at + ".instalments", "La part versée à la signature et les versements intermédiaires dépassent 100 % ("
          + before + " %)."));
    }
    if (before == 100 && p.balanceTrigger() != BalanceTrigger.NONE) {
      problems.add(new FieldProblem(at + ".balanceTrigger", "Tout est versé avant le solde (" + before
          + " %) : le déclencheur du solde doit être NONE."));
    }
    if (before < 100 && p.balanceTrigger() == BalanceTrigger.NONE) {
      problems.add(new FieldProblem(at + ".balanceTrigger", "Une part (" + (100 - before) + " %) reste due après la signature"
          + (p.instalments().isEmpty() ? "" : " et les versements intermédiaires")
          + " : précisez ce qui déclenche son versement (SERVICE_FAIT ou FINAL_REPORT_N_PLUS_1)."));
    }
  }

  private static void required(boolean ok, String field, String message, List<FieldProblem> problems) {
    if (!ok) {
      problems.add(new FieldProblem(field, message));
    }
  }

  private static void territory(String code, String field, Set<String> known, List<FieldProblem> problems) {
    if (code != null && !code.isBlank() && !known.contains(code)) {
      problems.add(new FieldProblem(field, "Le territoire « " + code + " » est inconnu."));
    }
  }

  private static <T> void duplicates(List<T> items, Function<T, String> code, String field, String message,
      List<FieldProblem> problems) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      String c = item == null ? null : code.apply(item);
      if (c != null && !seen.add(c)) {
        problems.add(new FieldProblem(field, String.format(message, c)));
      }
    }
  }

  /** {@code lots[0].<list element>} → {@code lots[0]}: Hibernate Validator's container element paths. */
  private static String path(String raw) {
    return raw.replace(".<list element>", "");
  }
}
