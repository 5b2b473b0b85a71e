package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.agreement.AgreementDates.french;
import static fr.pasdecalais.habitat.aap.agreement.AgreementDates.period;
import static fr.pasdecalais.habitat.aap.shared.ParisDateTime.PARIS;

import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinition;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallFunder;
import fr.pasdecalais.habitat.aap.call.CallLot;
import fr.pasdecalais.habitat.aap.call.FundingCalculator;
import fr.pasdecalais.habitat.aap.call.FundingKind;
import fr.pasdecalais.habitat.aap.call.FundingRule;
import fr.pasdecalais.habitat.aap.call.Indicator;
import fr.pasdecalais.habitat.aap.call.PaymentTerms;
import fr.pasdecalais.habitat.aap.call.ReportingMilestone;
import fr.pasdecalais.habitat.aap.decision.AwardDecision;
import fr.pasdecalais.habitat.aap.decision.DeliberationService;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.shared.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the forms of a convention and its PDF show: the terms "Préparer la convention" pre-fills,
 * the values of the convention template, the header every form shows, the lines of the service
 * fait and the indicators of the final report. It changes nothing.
 */
@Service
public class AgreementFormService {

  private final GrantAgreementRepository agreements;
  private final AgreementDocumentRepository documents;
  private final CallCatalog calls;
  private final ApplicationService applications;
  private final FundingCalculator calculator;
  private final DeliberationService decisions;
  private final AgreementSettlementService settlement;

  public AgreementFormService(GrantAgreementRepository agreements, AgreementDocumentRepository documents,
      CallCatalog calls, ApplicationService applications, FundingCalculator calculator, DeliberationService decisions,
      AgreementSettlementService settlement) {
    this.agreements = agreements;
    this.documents = documents;
    this.calls = calls;
    this.applications = applications;
    this.calculator = calculator;
    this.decisions = decisions;
    this.settlement = settlement;
  }

  /**
   * What "Préparer la convention" shows and pre-fills: the call's terms (period, payment terms,
   * funding rule, reports, indicators) and, from the dossier, the amount and units asked for and
   * the decision date. Also the two inputs of the payment-schedule decision.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> preparationVariables(String callReference, String lotCode, Long applicationId) {
    CallForProjects call = calls.getByReference(callReference);
    CallLot lot = lot(call, lotCode);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("callTitle", call.getTitle());
    vars.put("periodLabel", period(lot.getConventionStart(), lot.getConventionEnd()));
    vars.put("periodStart", lot.getConventionStart().toString());
    vars.put("periodEnd", lot.getConventionEnd().toString());
    FundingRule rule = lot.fundingRule();
    PaymentTerms terms = lot.getPaymentTerms();
    vars.put("paymentTermsLabel", terms.frenchLabel());
    vars.put("fundingLabel", fundingLabel(rule));
    // FIXED: no volume to type, the convention states the amount
    vars.put("volumeRequired", rule.kind() != FundingKind.FIXED);
    vars.put("reportingLabel", reportingLabel(call));
    vars.put("indicatorsLabel", call.getIndicators().stream().map(Indicator::getLabel).collect(Collectors.joining(" ; ")));
    vars.put("shareAtSignature", terms.getAdvancePercent());
    vars.put("balanceTrigger", terms.getBalanceTrigger().name());
    vars.put("instalmentPercent", terms.percentBeforeBalance() - terms.getAdvancePercent());
    Application application = applications.find(applicationId).orElseThrow(() -> new IllegalStateException(
        "Dossier " + applicationId + " introuvable : la convention ne peut pas être préparée."));
    // pre-fill of the form only; the amount is validated and stored by draft()
    Optional<AwardDecision> decision = decisions.grantedDecision(application.getReference());
    if (decision.isPresent()) {
      AwardDecision award = decision.get();
      vars.put("agreementAmount", award.getAmount().doubleValue());
      vars.put("decidedAmountLabel", Money.format(award.getAmount()));
      calculator.volume(rule, award.getAmount(), units(award.getUnits()))
          .ifPresent(v -> vars.put("agreementUnits", v));
      if (award.getDecidedOn() != null) {
        vars.put("decisionDate", award.getDecidedOn().toString());
      }
      return vars;
    }
    if (application.getRequestedAmount() != null) {
      vars.put("agreementAmount", application.getRequestedAmount().doubleValue());
    }
    calculator.volume(rule, application.getRequestedAmount(), units(application.getRequestedUnits()))
        .ifPresent(v -> vars.put("agreementUnits", v));
    if (application.getDecidedAt() != null) {
      vars.put("decisionDate", application.getDecidedAt().atZone(PARIS).toLocalDate().toString());
    }
    return vars;
  }

  /** The group that validates the mandates of the call's conventions: its funder's finance service. */
  @Transactional(readOnly = true)
  public String payerGroup(String callReference) {
    return calls.getByReference(callReference).getFunder().payerGroup();
  }

  /** The funder as the mandate form shows it: name, service, and who orders the expense. */
  @Transactional(readOnly = true)
  public String payerLabel(String callReference) {
    CallFunder f = calls.getByReference(callReference).getFunder();
    return f.getName() + (f.getService() == null ? "" : " (" + f.getService() + ")") + " — ordonnateur : " + f.getSignatory();
  }

  /** The values of the convention template. */
  public Map<String, String> templateValues(GrantAgreement a, CallForProjects call) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("numero", a.getNumber());
    v.put("appel", call.getTitle());
    v.put("referenceAppel", call.getReference());
    v.put("lot", call.getLots().size() > 1 ? ", lot " + a.getLotCode() : "");
    v.put("signataire", a.getSignatoryTitle());
    CallFunder funder = call.getFunder();
    v.put("ordonnateur", a.getSignatoryTitle());
    v.put("service", funder.getService() == null ? funder.getName() : funder.getService());
    v.put("cofinancement", funder.getCoFunderName() == null ? ""
        : "Cette action est cofinancée par " + funder.getCoFunderName() + " à hauteur de "
            + funder.coFunderShareLabel() + " de son coût.");
    v.put("operateur", a.getOrganizationName());
    v.put("dossier", a.getApplicationReference());
    v.put("dateDecision", french(a.getDecisionDate()));
    v.put("debut", french(a.getPeriodStart()));
    v.put("fin", french(a.getPeriodEnd()));
    v.put("montant", Money.format(a.getAmount()));
    CallLot lot = lot(call, a.getLotCode());
    FundingRule rule = lot.fundingRule();
    v.put("unites", volumeLine(rule, a));
    v.put("echeancier", scheduleText(a.getAmount(), lot.getPaymentTerms()));
    v.put("bilans", reportingLabel(call) + ".");
    v.put("indicateurs", call.getIndicators().isEmpty() ? "Aucun indicateur particulier."
        : call.getIndicators().stream().map(i -> "– " + i.getLabel() + (i.getUnit() == null ? "" : " (" + i.getUnit() + ")"))
            .collect(Collectors.joining("\n")));
    return v;
  }

  /** The variables every form of the convention shows at the top. */
  @Transactional(readOnly = true)
  public Map<String, Object> formVariables(Long agreementId) {
    GrantAgreement a = agreements.getExisting(agreementId);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("agreementNumber", a.getNumber());
    vars.put("signatoryLabel", a.getSignatoryTitle());
    vars.put("agreementAmountLabel", Money.format(a.getAmount()));
    vars.put("periodLabel", period(a.getPeriodStart(), a.getPeriodEnd()));
    vars.put("paidAmountLabel", Money.format(settlement.livePaid(a.getId())));
    documents.findByAgreementIdOrderByIdDesc(a.getId()).stream().findFirst()
        .ifPresent(doc -> vars.put("agreementDocumentUrl", "/api/agreements/" + a.getId() + "/documents/" + doc.getId()));
    return vars;
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> serviceLines(Long agreementId) {
    GrantAgreement a = agreements.getExisting(agreementId);
    FundingRule rule = calls.getByReference(a.getCallReference()).fundingRule(a.getLotCode());
    List<Map<String, Object>> lines = new ArrayList<>();
    switch (rule.kind()) {
      case UNIT_PRICES -> rule.unitPrices().forEach(u -> lines.add(line(u.code(), u.label() + " (" + Money.format(u.price()) + " l'unité)")));
      case PRORATED -> {
        lines.add(line("MONTHS", "Nombre de mois d'activité (base " + rule.baseMonths() + ")"));
        lines.add(line("SITUATIONS", "Nombre de situations étudiées (base " + rule.baseQuantity() + ")"));
      }
      case CAP_PER_UNIT -> {
        lines.add(line("UNITS", "Nombre d'unités réalisées (" + unitWord(rule) + ")"));
        lines.add(line("AMOUNT", "Dépenses justifiées (€)"));
      }
      case FIXED -> lines.add(line("AMOUNT", "Dépenses justifiées (€)"));
    }
    return lines;
  }

  private static Map<String, Object> line(String code, String label) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("label", label);
    return m;
  }

  /** The indicator block of the final report form, from the call's indicator definitions. */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> indicatorLines(Long agreementId) {
    GrantAgreement a = agreements.getExisting(agreementId);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Indicator i : calls.getByReference(a.getCallReference()).getIndicators()) {
      Map<String, Object> m = line(i.getCode(), i.getLabel());
      m.put("unit", i.getUnit() == null ? "" : i.getUnit());
      m.put("numeric", numeric(i.getUnit()));
      lines.add(m);
    }
    return lines;
  }


  /** An indicator with a unit ("ménages", "visites", "€") is counted: its value is a number. */
  public static boolean numeric(String unit) {
    return unit != null && !unit.isBlank();
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * The indicator lines of "Réceptionner le bilan final" (JSON list) filled with the given values by
   * code: a number in {@code value} for a counted indicator, a text in {@code textValue} otherwise
   * (the completion rules then check them as for a Tasklist submission).
   */
  public static String fillIndicators(String linesJson, Map<String, Object> values) {
    try {
      List<Map<String, Object>> lines = JSON.readValue(linesJson,
          new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {});
      for (Map<String, Object> line : lines) {
        Object v = values.get(String.valueOf(line.get("code")));
        line.put(Boolean.TRUE.equals(line.get("numeric")) ? "value" : "textValue", v);
      }
      return JSON.writeValueAsString(lines);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Indicateurs illisibles", e);
    }
  }

  /**
   * The volume line of the convention, in the rule's unit: FIXED states the amount (no volume),
   * the others the volume the convention retained ("72 mois de mesure d'accompagnement à 175,00 €").
   */
  static String volumeLine(FundingRule rule, GrantAgreement a) {
    if (rule.kind() == FundingKind.FIXED || a.getUnits() == null || a.getUnits().isBlank()) {
      return "Participation forfaitaire, sans volume à justifier.";
    }
    return "Volume retenu : " + a.getUnits() + ".";
  }

  /** The schedule article: each amount computed once, the balance the remainder (Σ = granted to the cent). */
  String scheduleText(java.math.BigDecimal granted, PaymentTerms terms) {
    List<FundingCalculator.ScheduledAmount> lines = calculator.schedule(granted, terms);
    if (lines.size() == 1 && "ADVANCE".equals(lines.get(0).kind())) {
      return "La participation de " + Money.format(granted) + " est versée en une seule fois à la signature de la convention.";
    }
    if (lines.size() == 1 && "BALANCE".equals(lines.get(0).kind())) {
      return "La participation est versée en une seule fois, " + terms.getBalanceTrigger().label()
          + ", soit " + Money.format(granted) + " au plus.";
    }
    List<String> parts = new ArrayList<>();
    for (FundingCalculator.ScheduledAmount l : lines) {
      parts.add(switch (l.kind()) {
        case "ADVANCE" -> "une avance de " + l.percent() + " %, soit " + Money.format(l.amount()) + ", à la signature";
        case "INSTALMENT" -> "un versement intermédiaire de " + l.percent() + " %, soit " + Money.format(l.amount())
            + ", à l'approbation du bilan " + l.trigger();
        default -> "le solde, au plus " + Money.format(l.amount()) + ", " + terms.getBalanceTrigger().label()
            + ", selon le respect du cahier des charges";
      });
    }
    String text = String.join(" ; ", parts) + ".";
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static java.math.BigDecimal units(Integer units) {
    return units == null ? null : java.math.BigDecimal.valueOf(units);
  }

  static CallLot lot(CallForProjects call, String lotCode) {
    if (lotCode == null && call.getLots().size() == 1) {
      return call.getLots().get(0);
    }
    return call.lot(lotCode).orElseThrow(() -> new IllegalStateException(
        "L'appel " + call.getReference() + " n'a pas de lot " + lotCode + "."));
  }

  static String fundingLabel(FundingRule rule) {
    return switch (rule.kind()) {
      case FIXED -> "montant forfaitaire de " + Money.format(rule.amount());
      case CAP_PER_UNIT -> "au plus " + Money.format(rule.amount()) + " par " + unitWord(rule);
      case PRORATED -> Money.format(rule.amount()) + " pour " + rule.baseMonths() + " mois et " + rule.baseQuantity()
          + " situations, au prorata";
      case UNIT_PRICES -> rule.unitPrices().stream().map(u -> u.label() + " : " + Money.format(u.price()))
          .collect(Collectors.joining(" ; "));
    };
  }

  private static String unitWord(FundingRule rule) {
    if (rule.kind() == FundingKind.CAP_PER_UNIT && rule.unitLabel() != null) {
      return rule.unitLabel();
    }
    if (rule.kind() == FundingKind.UNIT_PRICES && !rule.unitPrices().isEmpty()) {
      return rule.unitPrices().get(0).label().toLowerCase(Locale.FRANCE);
    }
    return "unités";
  }

  private static String reportingLabel(CallForProjects call) {
    List<ReportingMilestone> others = call.getReporting().stream()
        .filter(m -> m.getKind() != CallDefinition.ReportKind.FINAL).toList();
    String othersText = others.isEmpty() ? "pas de bilan intermédiaire"
        : others.stream().map(m -> m.getLabel() + " : " + m.frenchSchedule()).collect(Collectors.joining(" ; "));
    String finalText = call.getReporting().stream().filter(m -> m.getKind() == CallDefinition.ReportKind.FINAL)
        .findFirst().map(m -> m.getLabel() + " : " + m.frenchSchedule())
        .orElse("bilan final dans les " + ReportingService.FINAL_REPORT_MONTHS_AFTER_END
            + " mois suivant la fin de la convention");
    return othersText + " ; " + finalText;
  }

}
