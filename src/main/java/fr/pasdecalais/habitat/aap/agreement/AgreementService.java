package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.shared.ParisDateTime.PARIS;

import fr.pasdecalais.habitat.aap.agreement.AgreementRuleException.Rule;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinition;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallLot;
import fr.pasdecalais.habitat.aap.call.FundingCalculator.Quantities;
import fr.pasdecalais.habitat.aap.call.FundingCalculator;
import fr.pasdecalais.habitat.aap.call.FundingKind;
import fr.pasdecalais.habitat.aap.call.FundingRule;
import fr.pasdecalais.habitat.aap.call.Indicator;
import fr.pasdecalais.habitat.aap.call.ReportingMilestone;
import fr.pasdecalais.habitat.aap.decision.AwardDecision;
import fr.pasdecalais.habitat.aap.decision.DeliberationService;
import fr.pasdecalais.habitat.aap.notification.Notification;
import fr.pasdecalais.habitat.aap.notification.NotificationKind;
import fr.pasdecalais.habitat.aap.notification.NotificationService;
import fr.pasdecalais.habitat.aap.payment.Payment;
import fr.pasdecalais.habitat.aap.payment.PaymentKind;
import fr.pasdecalais.habitat.aap.payment.PaymentRefusedException;
import fr.pasdecalais.habitat.aap.payment.PaymentService;
import fr.pasdecalais.habitat.aap.payment.PaymentStatus;
import fr.pasdecalais.habitat.aap.reporting.ReportKind;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.FormValues;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
 * The life of a convention: drafted from the call's terms and the decision, signed, paid by the
 * schedule, settled on service fait (balance or titre de recette), amended, terminated.
 *
 * <p>Why it is still over 300 lines: it holds three jobs that issue 11 meant to split and did not
 * reach — the agreement's lifecycle (draft, sign, amend, notice, terminate), its settlement
 * (advance, balance, recovery) and the form/PDF values. They share the agreement's invariants;
 * the split is the next structure step. It knows no BPMN: refusals are
 * {@link AgreementRuleException}s naming a rule, the settlement's outcome an enum, and the process
 * glue ({@code agreement.process}) maps them to BPMN errors and gateway values.
 */
@Service
public class AgreementService {

  public static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
  public static final String MEDIA_PDF = "application/pdf";

  private final GrantAgreementRepository agreements;
  private final AmendmentRepository amendments;
  private final AgreementDocumentRepository documents;
  private final ConventionPdfRenderer renderer;
  private final CallCatalog calls;
  private final ApplicationService applications;
  private final PaymentService payments;
  private final FundingCalculator calculator;
  private final ReportingService reporting;
  private final NotificationService notifications;
  private final DeliberationService decisions;

  public AgreementService(GrantAgreementRepository agreements, AmendmentRepository amendments,
      AgreementDocumentRepository documents, ConventionPdfRenderer renderer, CallCatalog calls,
      ApplicationService applications, PaymentService payments, FundingCalculator calculator,
      ReportingService reporting, NotificationService notifications, DeliberationService decisions) {
    this.decisions = decisions;
    this.agreements = agreements;
    this.amendments = amendments;
    this.documents = documents;
    this.renderer = renderer;
    this.calls = calls;
    this.applications = applications;
    this.payments = payments;
    this.calculator = calculator;
    this.reporting = reporting;
    this.notifications = notifications;
  }

  // ------------------------------------------------------------------ preparation

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
    vars.put("paymentTermsLabel", call.getPaymentTerms().frenchLabel());
    vars.put("fundingLabel", fundingLabel(call.fundingRule()));
    vars.put("reportingLabel", reportingLabel(call));
    vars.put("indicatorsLabel", call.getIndicators().stream().map(Indicator::getLabel).collect(Collectors.joining(" ; ")));
    vars.put("shareAtSignature", call.getPaymentTerms().getAdvancePercent());
    vars.put("balanceTrigger", call.getPaymentTerms().getBalanceTrigger().name());
    Application application = applications.find(applicationId).orElseThrow(() -> new IllegalStateException(
        "Dossier " + applicationId + " introuvable : la convention ne peut pas être préparée."));
    // pre-fill of the form only; the amount is validated and stored by draft()
    Optional<AwardDecision> decision = grantedDecision(application.getReference());
    if (decision.isPresent()) {
      AwardDecision award = decision.get();
      vars.put("agreementAmount", award.getAmount().doubleValue());
      vars.put("decidedAmountLabel", Money.format(award.getAmount()));
      if (award.getUnits() != null) {
        vars.put("agreementUnits", award.getUnits() + " " + unitWord(call.fundingRule()));
      }
      if (award.getDecidedOn() != null) {
        vars.put("decisionDate", award.getDecidedOn().toString());
      }
      return vars;
    }
    if (application.getRequestedAmount() != null) {
      vars.put("agreementAmount", application.getRequestedAmount().doubleValue());
    }
    if (application.getRequestedUnits() != null) {
      vars.put("agreementUnits", application.getRequestedUnits() + " " + unitWord(call.fundingRule()));
    }
    if (application.getDecidedAt() != null) {
      vars.put("decisionDate", application.getDecidedAt().atZone(PARIS).toLocalDate().toString());
    }
    return vars;
  }

  /** The deliberation's award for the dossier, when the call process decided it (the ceiling of the convention). */
  private Optional<AwardDecision> grantedDecision(String applicationReference) {
    return decisions.grantedDecision(applicationReference);
  }

  /** A dossier a convention may be established for: the dossier and its granted award decision. */
  public record GrantedDossier(Application application, AwardDecision award) {}

  /**
   * The precondition of a convention, checked when grant-agreement starts (whatever started it):
   * the dossier exists, matches the instance's business key when there is one, its award decision
   * is recorded as granted, and it has no convention beyond a draft yet. Refused otherwise, in
   * French, so that the start rolls back whole.
   */
  @Transactional(readOnly = true)
  public GrantedDossier requireGrantedDossier(Long applicationId, String businessKey) {
    if (applicationId == null) {
      throw new RefusedException("applicationId", "Une convention ne s'établit que pour un dossier subventionné : "
          + "aucun dossier n'est indiqué.");
    }
    Application application = applications.find(applicationId).orElseThrow(() -> new RefusedException(
        "applicationId", "Le dossier n° " + applicationId + " n'existe pas : aucune convention ne peut être établie."));
    if (businessKey != null && !businessKey.equals(application.getReference())) {
      throw new RefusedException("businessKey", "La référence « " + businessKey + " » n'est pas celle du dossier "
          + application.getReference() + " : aucune convention ne peut être établie.");
    }
    AwardDecision award = grantedDecision(application.getReference())
        .filter(d -> d.getApplicationId() == null || d.getApplicationId().equals(application.getId()))
        .orElseThrow(() -> new RefusedException("grantedDecision", "Le dossier " + application.getReference()
            + " n'a pas de décision d'attribution accordée : aucune convention ne peut être établie."));
    agreements.findByApplicationReference(application.getReference())
        .filter(existing -> existing.getStatus() != AgreementStatus.DRAFT)
        .ifPresent(existing -> {
          throw new RefusedException("agreement", "La convention " + existing.getNumber() + " du dossier "
              + application.getReference() + " existe déjà : elle ne s'établit pas une seconde fois.");
        });
    return new GrantedDossier(application, award);
  }

  /** The convention's data as "Préparer la convention" submitted it. */
  public record Draft(Long applicationId, BigDecimal amount, String units, LocalDate decisionDate,
      LocalDate periodStart, LocalDate periodEnd) {}

  /**
   * Drafts (or redrafts) the convention of a dossier and generates its PDF. Only for a dossier whose
   * award decision is recorded as granted: the amount is the decision's when the form leaves it
   * empty, and never above it. Refused ({@link Rule#AGREEMENT}): no granted decision, amount
   * not positive or above the lot's envelope or the decision, period reversed, decision date in the
   * future.
   */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public GrantAgreement draft(Draft submitted) {
    Draft d = submitted;
    Long applicationId = d.applicationId();
    Application application = applications.find(applicationId).orElseThrow(() -> new IllegalStateException(
        "Dossier " + applicationId + " introuvable."));
    CallForProjects call = calls.getByReference(application.getCallReference());
    CallLot lot = lot(call, application.getLotCode());
    AwardDecision award = grantedDecision(application.getReference()).orElseThrow(() -> new AgreementRuleException(
        Rule.AGREEMENT, "Le dossier " + application.getReference()
            + " n'a pas de décision d'attribution accordée : aucune convention ne peut être établie."));
    if (d.amount() == null) {
      d = new Draft(d.applicationId(), award.getAmount(), d.units(), d.decisionDate(), d.periodStart(), d.periodEnd());
    }
    List<String> problems = new ArrayList<>();
    if (d.amount().signum() <= 0) {
      problems.add("le montant accordé doit être strictement positif");
    } else if (d.amount().scale() > 2 && d.amount().stripTrailingZeros().scale() > 2) {
      problems.add("le montant accordé a au plus deux décimales");
    } else if (d.amount().compareTo(lot.getBudget()) > 0) {
      problems.add("le montant accordé (" + Money.format(d.amount()) + ") dépasse l'enveloppe du lot ("
          + Money.format(lot.getBudget()) + ")");
    } else if (d.amount().compareTo(award.getAmount()) > 0) {
      problems.add("le montant de la convention (" + Money.format(d.amount())
          + ") dépasse le montant attribué par la décision (" + Money.format(award.getAmount()) + ")");
    }
    if (d.units() == null || d.units().isBlank()) {
      problems.add("le volume retenu est obligatoire");
    }
    if (d.periodStart() == null || d.periodEnd() == null) {
      problems.add("la période de la convention est obligatoire");
    } else if (d.periodEnd().isBefore(d.periodStart())) {
      problems.add("la fin de la convention (" + french(d.periodEnd()) + ") précède son début ("
          + french(d.periodStart()) + ")");
    }
    if (d.decisionDate() == null) {
      problems.add("la date de la décision d'attribution est obligatoire");
    } else if (d.decisionDate().isAfter(today())) {
      problems.add("la date de la décision (" + french(d.decisionDate()) + ") est dans le futur");
    }
    if (!problems.isEmpty()) {
      throw new AgreementRuleException(Rule.AGREEMENT, "Convention incomplète : " + String.join(" ; ", problems) + ".");
    }
    GrantAgreement agreement = agreements.findByApplicationReference(application.getReference()).orElse(null);
    if (agreement == null) {
      agreement = new GrantAgreement("CONV-" + application.getReference(), application.getId(),
          application.getReference(), application.getOrganization().getName(), application.getOrganization().getEmail(),
          call.getReference(), lot.getCode(), call.getTitle(), d.periodStart(), d.periodEnd(), d.amount(),
          d.units().trim(), call.getPaymentTerms().getAdvancePercent(), call.getPaymentTerms().getBalanceTrigger().name(),
          d.decisionDate(), signatory(call), EngineClock.now());
    } else if (agreement.getStatus() != AgreementStatus.DRAFT) {
      throw new AgreementRuleException(Rule.AGREEMENT, "La convention " + agreement.getNumber()
          + " est déjà signée : elle ne se modifie plus que par avenant.");
    } else {
      agreement.revise(d.amount(), d.units().trim(), d.decisionDate(), d.periodStart(), d.periodEnd());
    }
    agreement = agreements.saveAndFlush(agreement);
    byte[] pdf = renderer.render(templateValues(agreement, call));
    documents.save(new AgreementDocument(agreement.getId(), agreement.getNumber() + ".pdf", MEDIA_PDF, pdf, EngineClock.now()));
    return agreement;
  }

  /** The values of the convention template. */
  Map<String, String> templateValues(GrantAgreement a, CallForProjects call) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("numero", a.getNumber());
    v.put("appel", call.getTitle());
    v.put("referenceAppel", call.getReference());
    v.put("lot", call.getLots().size() > 1 ? ", lot " + a.getLotCode() : "");
    v.put("signataire", a.getSignatoryTitle());
    v.put("operateur", a.getOrganizationName());
    v.put("dossier", a.getApplicationReference());
    v.put("dateDecision", french(a.getDecisionDate()));
    v.put("debut", french(a.getPeriodStart()));
    v.put("fin", french(a.getPeriodEnd()));
    v.put("montant", Money.format(a.getAmount()));
    v.put("unites", a.getUnits());
    var split = calculator.split(a.getAmount(), a.getShareAtSignature());
    String schedule = switch (a.getShareAtSignature()) {
      case 100 -> "La participation de " + Money.format(a.getAmount()) + " est versée en une seule fois à la signature de la convention.";
      case 0 -> "La participation est versée en une seule fois, " + call.getPaymentTerms().getBalanceTrigger().label()
          + ", soit " + Money.format(a.getAmount()) + " au plus.";
      default -> "Une avance de " + a.getShareAtSignature() + " %, soit " + Money.format(split.advance())
          + ", est versée à la signature ; le solde, au plus " + Money.format(split.balance()) + ", est versé "
          + call.getPaymentTerms().getBalanceTrigger().label() + ", selon le respect du cahier des charges.";
    };
    v.put("echeancier", schedule);
    v.put("bilans", reportingLabel(call) + ".");
    v.put("indicateurs", call.getIndicators().isEmpty() ? "Aucun indicateur particulier."
        : call.getIndicators().stream().map(i -> "– " + i.getLabel() + (i.getUnit() == null ? "" : " (" + i.getUnit() + ")"))
            .collect(Collectors.joining("\n")));
    return v;
  }

  /**
   * Records both signatures: required, not in the future, not before the decision. The convention
   * is then in force ({@code SIGNED}). Refused ({@link Rule#SIGNATURE}).
   */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public GrantAgreement sign(Long agreementId, LocalDate operatorSignedOn, LocalDate presidentSignedOn) {
    return sign(agreementId, operatorSignedOn, presidentSignedOn, null);
  }

  /** As {@link #sign(Long, LocalDate, LocalDate)}, recording who recorded the signatures (the task's assignee). */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public GrantAgreement sign(Long agreementId, LocalDate operatorSignedOn, LocalDate presidentSignedOn, String recordedBy) {
    GrantAgreement a = lock(agreementId);
    List<String> problems = new ArrayList<>();
    check(problems, "de l'opérateur", operatorSignedOn, a.getDecisionDate());
    check(problems, "du Président (ou du Préfet)", presidentSignedOn, a.getDecisionDate());
    if (!problems.isEmpty()) {
      throw new AgreementRuleException(Rule.SIGNATURE, String.join(" ", problems));
    }
    if (a.getStatus() == AgreementStatus.DRAFT) {
      a.sign(operatorSignedOn, presidentSignedOn, recordedBy);
    }
    return a;
  }

  private void check(List<String> problems, String who, LocalDate date, LocalDate decision) {
    if (date == null) {
      problems.add("La date de signature " + who + " est obligatoire.");
    } else if (date.isAfter(today())) {
      problems.add("La date de signature " + who + " (" + french(date) + ") est dans le futur.");
    } else if (decision != null && date.isBefore(decision)) {
      problems.add("La date de signature " + who + " (" + french(date) + ") précède la décision d'attribution du "
          + french(decision) + ".");
    }
  }

  // ------------------------------------------------------------------ payments

  /** Records the schedule the DMN gave and orders the payment due at signature (idempotent). */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Payment orderAdvance(Long agreementId, int advancePercent, String balanceOn, String scheduleLabel) {
    GrantAgreement a = lock(agreementId);
    requireSigned(a);
    a.schedule(advancePercent, balanceOn, scheduleLabel);
    BigDecimal advance = calculator.split(a.getAmount(), advancePercent).advance();
    return payments.order(a.getId(), a.getNumber(), PaymentKind.ADVANCE, advance, a.getAmount());
  }

  /** The outcome of the settlement: what is due, what was paid, and what to do. */
  public record Settlement(BigDecimal amountDue, BigDecimal paid, Outcome outcome, BigDecimal difference) {
    /** A balance to pay, a titre de recette to issue, or nothing: due − paid. */
    public enum Outcome { BALANCE, RECOVERY, NONE }
  }

  /** The lines of "Constater le service fait" for the call's funding rule (code, label, value). */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> serviceLines(Long agreementId) {
    GrantAgreement a = get(agreementId);
    FundingRule rule = calls.getByReference(a.getCallReference()).fundingRule();
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

  /**
   * Settles the convention. With actual quantities (service fait), the amount due is the call's
   * funding rule applied to them, capped by the convention's amount; without (100 % at signature,
   * or the FSL rule paid on the approved final report), it is the convention's amount. Then due −
   * paid decides: a balance, a titre de recette, or nothing.
   */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Settlement settle(Long agreementId, Map<String, BigDecimal> actual, LocalDate renderedOn) {
    return settle(agreementId, actual, renderedOn, null);
  }

  /** As {@link #settle(Long, Map, LocalDate)}, recording who certified the service fait (the task's assignee). */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Settlement settle(Long agreementId, Map<String, BigDecimal> actual, LocalDate renderedOn, String certifiedBy) {
    GrantAgreement a = lock(agreementId);
    requireSigned(a);
    BigDecimal due;
    if (actual == null) {
      due = a.getAmount();
    } else {
      FundingRule rule = calls.getByReference(a.getCallReference()).fundingRule();
      try {
        due = calculator.amountDue(rule, quantities(rule, actual), a.getAmount());
      } catch (IllegalArgumentException e) {
        throw new AgreementRuleException(Rule.QUANTITIES, e.getMessage());
      }
      a.certifyService(renderedOn == null ? today() : renderedOn, FormValues.json(actual), due, certifiedBy);
    }
    BigDecimal paid = livePaid(a.getId());
    if (actual == null) {
      a.certifyService(renderedOn == null ? today() : renderedOn, null, due, null);
    }
    BigDecimal diff = Money.of(due.subtract(paid));
    Settlement.Outcome outcome = diff.signum() > 0 ? Settlement.Outcome.BALANCE
        : diff.signum() < 0 ? Settlement.Outcome.RECOVERY : Settlement.Outcome.NONE;
    return new Settlement(Money.of(due), paid, outcome, diff.abs());
  }

  private static Quantities quantities(FundingRule rule, Map<String, BigDecimal> actual) {
    for (Map.Entry<String, BigDecimal> e : actual.entrySet()) {
      if (e.getValue() == null) {
        throw new IllegalArgumentException("La quantité « " + e.getKey() + " » est obligatoire.");
      }
    }
    return switch (rule.kind()) {
      case UNIT_PRICES -> Quantities.of(actual);
      case PRORATED -> Quantities.prorated(whole(actual.get("MONTHS"), "mois"), whole(actual.get("SITUATIONS"), "situations"));
      case CAP_PER_UNIT -> Quantities.units(actual.get("AMOUNT"), actual.get("UNITS"));
      case FIXED -> Quantities.requested(actual.get("AMOUNT"));
    };
  }

  private static int whole(BigDecimal value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("Le nombre de " + what + " est obligatoire.");
    }
    if (value.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("Le nombre de " + what + " doit être entier.");
    }
    return value.intValueExact();
  }

  /** Advance and balance ordered or paid (not cancelled). */
  private BigDecimal livePaid(Long agreementId) {
    return payments.ofAgreement(agreementId).stream()
        .filter(p -> p.isLive() && p.getKind() != PaymentKind.RECOVERY)
        .map(Payment::getAmount).reduce(Money.ZERO, BigDecimal::add);
  }

  /** Orders the balance: amount due − paid, the remainder (idempotent). */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Payment orderBalance(Long agreementId) {
    GrantAgreement a = lock(agreementId);
    requireSigned(a);
    var existing = payments.live(a.getId(), PaymentKind.BALANCE);
    if (existing.isPresent()) {
      return existing.get();
    }
    BigDecimal balance = a.getAmountDue().subtract(livePaid(a.getId()));
    return payments.order(a.getId(), a.getNumber(), PaymentKind.BALANCE, balance, a.getAmount());
  }

  /** A recovery order and the notification telling the operator. */
  public record Recovery(Payment payment, Long notificationId) {}

  /** Issues the titre de recette for what was paid above the amount due, and notifies the operator. */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Recovery orderRecovery(Long agreementId) {
    GrantAgreement a = lock(agreementId);
    requireSigned(a);
    if (a.getAmountDue() == null) {
      throw new RefusedException("amountDue", "Le montant dû de la convention " + a.getNumber()
          + " n'est pas encore arrêté : aucun titre de recette ne peut être émis.");
    }
    // only money actually paid can be reclaimed: an order not yet paid is not a debt of the operator
    BigDecimal paid = payments.ofAgreement(a.getId()).stream()
        .filter(p -> p.getStatus() == PaymentStatus.PAID && p.getKind() != PaymentKind.RECOVERY)
        .map(Payment::getAmount).reduce(Money.ZERO, BigDecimal::add);
    BigDecimal excess = paid.subtract(a.getAmountDue());
    if (excess.signum() <= 0) {
      throw new RefusedException("paid", "Rien n'a été versé au-delà du montant dû de la convention " + a.getNumber()
          + " (versé " + Money.format(paid) + ", dû " + Money.format(a.getAmountDue())
          + ") : aucun titre de recette ne peut être émis.");
    }
    Payment p = payments.order(a.getId(), a.getNumber(), PaymentKind.RECOVERY, excess, a.getAmount());
    Notification n = notifications.store(NotificationKind.RECOVERY_ORDERED, a.getOperatorEmail(),
        "Convention " + a.getNumber() + " : titre de recette de " + Money.format(p.getAmount()),
        "Madame, Monsieur,\n\nAu vu du service fait constaté le " + french(a.getServiceRenderedOn())
            + ", le montant dû au titre de la convention " + a.getNumber() + " s'élève à " + Money.format(a.getAmountDue())
            + ", alors que " + Money.format(paid) + " vous ont été versés.\n"
            + "Un titre de recette n° " + p.getOrderNumber() + " de " + Money.format(p.getAmount())
            + " va être émis à votre encontre par la paierie départementale ; merci de procéder au reversement à sa réception.\n\n"
            + "Le service des politiques sociales du logement et de l'habitat\nDépartement du Pas-de-Calais",
        a.getApplicationReference());
    return new Recovery(p, n.getId());
  }

  /**
   * "Enregistrer le paiement": confirms an order of this convention with the mandate number and
   * date, recording who validated it. Only for a signed convention and for one of its own orders;
   * refused with {@code PAYMENT_REFUSED} otherwise (back to the mandate task with the reason).
   */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Payment confirmPayment(Long agreementId, Long paymentId, LocalDate paidOn, String mandateNumber,
      String validatedBy) {
    GrantAgreement a = lock(agreementId);
    if (a.getStatus() != AgreementStatus.SIGNED) {
      throw new PaymentRefusedException("La convention " + a.getNumber() + " n'est pas en vigueur ("
          + statusLabel(a.getStatus()) + ") : aucun paiement ne peut être enregistré.");
    }
    if (paymentId == null || payments.ofAgreement(a.getId()).stream().noneMatch(p -> p.getId().equals(paymentId))) {
      throw new PaymentRefusedException("L'ordre de paiement n° " + paymentId + " n'appartient pas à la convention "
          + a.getNumber() + ".");
    }
    return payments.confirm(paymentId, paidOn, mandateNumber, validatedBy);
  }

  /** Orders of payment exist only for a convention in force: signed, neither closed nor terminated. */
  private static void requireSigned(GrantAgreement a) {
    if (a.getStatus() != AgreementStatus.SIGNED) {
      throw new RefusedException("signedAgreement", "La convention " + a.getNumber() + " n'est pas en vigueur ("
          + statusLabel(a.getStatus()) + ") : aucun paiement ne peut être ordonné.");
    }
  }

  private static String statusLabel(AgreementStatus status) {
    return switch (status) {
      case DRAFT -> "non signée";
      case SIGNED -> "signée";
      case CLOSED -> "close";
      case TERMINATED -> "résiliée";
    };
  }

  @Transactional
  public GrantAgreement close(Long agreementId) {
    GrantAgreement a = lock(agreementId);
    if (a.getStatus() == AgreementStatus.SIGNED) {
      a.close(today());
    }
    return a;
  }

  // ------------------------------------------------------------------ amendments

  @Transactional
  public Amendment requestAmendment(Long agreementId, String reason) {
    GrantAgreement a = lock(agreementId);
    int next = (int) amendments.countByAgreementId(a.getId()) + 1;
    String why = reason == null || reason.isBlank() ? "Demande d'avenant sans motif précisé" : reason.trim();
    return amendments.saveAndFlush(new Amendment(a, next, why.length() > 2000 ? why.substring(0, 2000) : why, EngineClock.now()));
  }

  /**
   * Approves or refuses an avenant. Approved: a new amount and/or a new end date (at least one),
   * the amount never below what was already ordered, the end never before the start; the previous
   * values stay in the amendment's row. The remaining payments follow the new amount.
   */
  @Transactional(noRollbackFor = {AgreementRuleException.class, PaymentRefusedException.class})
  public Amendment decideAmendment(Long amendmentId, boolean approved, BigDecimal newAmount, LocalDate newPeriodEnd,
      String comment) {
    Amendment am = amendments.findById(amendmentId).orElseThrow(() -> new IllegalStateException(
        "Avenant " + amendmentId + " introuvable."));
    if (am.getStatus() != AmendmentStatus.REQUESTED) {
      return am;
    }
    GrantAgreement a = lock(am.getAgreementId());
    if (approved) {
      List<String> problems = new ArrayList<>();
      if (newAmount == null && newPeriodEnd == null) {
        problems.add("un avenant approuvé modifie le montant ou la date de fin");
      }
      if (newAmount != null) {
        BigDecimal ordered = livePaid(a.getId());
        if (newAmount.signum() <= 0) {
          problems.add("le nouveau montant doit être strictement positif");
        } else if (newAmount.compareTo(ordered) < 0) {
          problems.add("le nouveau montant (" + Money.format(newAmount) + ") est inférieur aux sommes déjà versées ("
              + Money.format(ordered) + ")");
        }
      }
      if (newPeriodEnd != null && newPeriodEnd.isBefore(a.getPeriodStart())) {
        problems.add("la nouvelle fin (" + french(newPeriodEnd) + ") précède le début de la convention ("
            + french(a.getPeriodStart()) + ")");
      }
      if (!problems.isEmpty()) {
        throw new AgreementRuleException(Rule.AMENDMENT, "Avenant invalide : " + String.join(" ; ", problems) + ".");
      }
      a.amend(newAmount == null ? null : Money.of(newAmount), newPeriodEnd);
    }
    am.decide(approved, newAmount == null ? null : Money.of(newAmount), newPeriodEnd, today(), comment);
    return am;
  }

  // ------------------------------------------------------------------ formal notice and termination

  /** Records the mise en demeure and stores the letter to the operator; returns the notification id. */
  @Transactional
  public Long issueFormalNotice(Long agreementId, String reason) {
    GrantAgreement a = lock(agreementId);
    a.noticeSent(today());
    String why = reason == null || reason.isBlank() ? "manquement aux obligations de la convention" : reason.trim();
    return notifications.store(NotificationKind.FORMAL_NOTICE, a.getOperatorEmail(),
        "Convention " + a.getNumber() + " : mise en demeure",
        "Madame, Monsieur,\n\nNous constatons le manquement suivant à vos obligations au titre de la convention "
            + a.getNumber() + " : " + why + ".\nVous êtes mis en demeure d'y remédier dans un délai de deux mois à compter du "
            + french(today()) + ". À défaut, la convention sera résiliée et les sommes versées non utilisées devront être reversées.\n\n"
            + "Le service des politiques sociales du logement et de l'habitat\nDépartement du Pas-de-Calais",
        a.getApplicationReference()).getId();
  }

  @Transactional
  public GrantAgreement liftFormalNotice(Long agreementId) {
    GrantAgreement a = lock(agreementId);
    a.noticeLifted();
    return a;
  }

  /** What the termination produced: the titre de recette (if any) and the letter's notification id. */
  public record Termination(Payment recovery, Long notificationId) {}

  /**
   * Terminates the convention: unpaid orders are cancelled, the amount due is the justified
   * expenses (capped by the convention's amount) and what was paid above it is reclaimed.
   */
  @Transactional
  public Termination terminate(Long agreementId, BigDecimal justifiedExpenses) {
    GrantAgreement a = lock(agreementId);
    if (justifiedExpenses == null || justifiedExpenses.signum() < 0) {
      throw new IllegalArgumentException("Les dépenses justifiées doivent être positives ou nulles.");
    }
    for (Payment p : payments.ofAgreement(a.getId())) {
      if (p.getStatus() == PaymentStatus.ORDERED && p.getKind() != PaymentKind.RECOVERY) {
        payments.cancel(p.getId());
      }
    }
    BigDecimal due = Money.of(justifiedExpenses.min(a.getAmount()));
    BigDecimal paid = payments.ofAgreement(a.getId()).stream()
        .filter(p -> p.getStatus() == PaymentStatus.PAID && p.getKind() != PaymentKind.RECOVERY)
        .map(Payment::getAmount).reduce(Money.ZERO, BigDecimal::add);
    a.terminate(today(), due);
    Payment recovery = null;
    BigDecimal unspent = paid.subtract(due);
    if (unspent.signum() > 0) {
      recovery = payments.order(a.getId(), a.getNumber(), PaymentKind.RECOVERY, unspent, a.getAmount());
    }
    String body = "Madame, Monsieur,\n\nLa mise en demeure du " + french(a.getNoticeSentOn())
        + " étant restée sans effet pendant deux mois, la convention " + a.getNumber() + " est résiliée à compter du "
        + french(today()) + ".\nDépenses justifiées retenues : " + Money.format(due) + " ; sommes versées : "
        + Money.format(paid) + ".\n"
        + (recovery == null ? "Aucun reversement n'est demandé.\n"
            : "Un titre de recette n° " + recovery.getOrderNumber() + " de " + Money.format(recovery.getAmount())
                + " va être émis pour le reversement de l'avance non utilisée.\n")
        + "\nLe service des politiques sociales du logement et de l'habitat\nDépartement du Pas-de-Calais";
    Long notificationId = notifications.store(NotificationKind.AGREEMENT_TERMINATED, a.getOperatorEmail(),
        "Convention " + a.getNumber() + " : résiliation", body, a.getApplicationReference()).getId();
    return new Termination(recovery, notificationId);
  }

  // ------------------------------------------------------------------ reports

  /** Plans the reports of the convention from the call's reporting schedule. */
  @Transactional
  public ReportingService.Plan planReports(Long agreementId) {
    GrantAgreement a = get(agreementId);
    CallForProjects call = calls.getByReference(a.getCallReference());
    List<ReportingService.Milestone> milestones = call.getReporting().stream()
        .map(m -> new ReportingService.Milestone(m.getKind() == CallDefinition.ReportKind.INTERIM ? ReportKind.INTERIM
            : ReportKind.FINAL, m.getMonthsAfterStart()))
        .toList();
    return reporting.plan(a.getId(), a.getPeriodStart(), a.getPeriodEnd(), milestones);
  }

  /** The indicator block of the final report form, from the call's indicator definitions. */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> indicatorLines(Long agreementId) {
    GrantAgreement a = get(agreementId);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Indicator i : calls.getByReference(a.getCallReference()).getIndicators()) {
      Map<String, Object> m = line(i.getCode(), i.getLabel());
      m.put("unit", i.getUnit() == null ? "" : i.getUnit());
      lines.add(m);
    }
    return lines;
  }

  /** Stores a report reminder for the operator; returns the notification id. */
  @Transactional
  public Long reportReminder(Long agreementId, Number reportId) {
    GrantAgreement a = get(agreementId);
    var report = reporting.remind(reportId);
    return notifications.store(NotificationKind.REPORT_REMINDER, a.getOperatorEmail(),
        "Convention " + a.getNumber() + " : " + report.getKind().label().toLowerCase(Locale.FRANCE) + " attendu le "
            + french(report.getDueOn()),
        "Madame, Monsieur,\n\nNous vous rappelons que le " + report.getKind().label().toLowerCase(Locale.FRANCE)
            + " prévu par la convention " + a.getNumber() + " est attendu au plus tard le " + french(report.getDueOn())
            + ".\n\nLe service des politiques sociales du logement et de l'habitat\nDépartement du Pas-de-Calais",
        a.getApplicationReference()).getId();
  }

  // ------------------------------------------------------------------ reading

  @Transactional(readOnly = true)
  public GrantAgreement get(Long agreementId) {
    return agreements.findById(agreementId)
        .orElseThrow(() -> new IllegalStateException("Convention " + agreementId + " introuvable."));
  }

  /** The variables every form of the convention shows at the top. */
  @Transactional(readOnly = true)
  public Map<String, Object> formVariables(Long agreementId) {
    GrantAgreement a = get(agreementId);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("agreementNumber", a.getNumber());
    vars.put("agreementAmountLabel", Money.format(a.getAmount()));
    vars.put("periodLabel", period(a.getPeriodStart(), a.getPeriodEnd()));
    vars.put("paidAmountLabel", Money.format(livePaid(a.getId())));
    documents.findByAgreementIdOrderByIdDesc(a.getId()).stream().findFirst()
        .ifPresent(doc -> vars.put("agreementDocumentUrl", "/api/agreements/" + a.getId() + "/documents/" + doc.getId()));
    return vars;
  }

  private GrantAgreement lock(Long agreementId) {
    return agreements.lockById(agreementId)
        .orElseThrow(() -> new IllegalStateException("Convention " + agreementId + " introuvable."));
  }

  private static CallLot lot(CallForProjects call, String lotCode) {
    if (lotCode == null && call.getLots().size() == 1) {
      return call.getLots().get(0);
    }
    return call.lot(lotCode).orElseThrow(() -> new IllegalStateException(
        "L'appel " + call.getReference() + " n'a pas de lot " + lotCode + "."));
  }

  private static String signatory(CallForProjects call) {
    return switch (call.getDecidingBody()) {
      case PREFET -> "le Préfet du Pas-de-Calais";
      default -> "le Président du Conseil départemental du Pas-de-Calais";
    };
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
    List<ReportingMilestone> interim = call.getReporting().stream()
        .filter(m -> m.getKind() == CallDefinition.ReportKind.INTERIM).toList();
    String interimText = interim.isEmpty() ? "pas de bilan intermédiaire"
        : "bilans intermédiaires à " + interim.stream().map(m -> String.valueOf(m.getMonthsAfterStart()))
            .collect(Collectors.joining(", ")) + " mois";
    return interimText + " ; bilan final au plus tard " + ReportingService.FINAL_REPORT_MONTHS_AFTER_END
        + " mois après la fin de la convention";
  }

  public static String period(LocalDate start, LocalDate end) {
    return "du " + french(start) + " au " + french(end) + " inclus";
  }

  public static String french(LocalDate date) {
    return date == null ? "" : FRENCH_DATE.format(date);
  }

  static LocalDate today() {
    return EngineClock.now().atZone(PARIS).toLocalDate();
  }
}
