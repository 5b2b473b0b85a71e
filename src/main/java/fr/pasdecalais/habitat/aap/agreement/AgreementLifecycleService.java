package fr.pasdecalais.habitat.aap.agreement;

import static fr.pasdecalais.habitat.aap.agreement.AgreementDates.french;
import static fr.pasdecalais.habitat.aap.agreement.AgreementDates.today;

import fr.pasdecalais.habitat.aap.agreement.AgreementRuleException.Rule;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationService;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinition;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.CallLot;
import fr.pasdecalais.habitat.aap.call.FundingCalculator;
import fr.pasdecalais.habitat.aap.call.FundingKind;
import fr.pasdecalais.habitat.aap.call.FundingRule;
import fr.pasdecalais.habitat.aap.call.PaymentTerms;
import fr.pasdecalais.habitat.aap.decision.AwardDecision;
import fr.pasdecalais.habitat.aap.decision.DeliberationService;
import fr.pasdecalais.habitat.aap.notification.NotificationKind;
import fr.pasdecalais.habitat.aap.notification.NotificationService;
import fr.pasdecalais.habitat.aap.payment.PaymentRefusedException;
import fr.pasdecalais.habitat.aap.call.ReportFrequency;
import fr.pasdecalais.habitat.aap.reporting.Report;
import fr.pasdecalais.habitat.aap.reporting.ReportKind;
import fr.pasdecalais.habitat.aap.reporting.ReportingService;
import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.shared.Money;
import fr.pasdecalais.habitat.aap.shared.RefusedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a convention: drafted from the call's terms and the decision (with its PDF), signed,
 * its reports planned and reminded, closed. Its amendments are {@link AgreementAmendmentService}'s,
 * its formal notice and termination {@link AgreementTerminationService}'s, its settlement
 * {@link AgreementSettlementService}'s, what the forms show {@link AgreementFormService}'s. It
 * knows no BPMN: refusals are {@link AgreementRuleException}s naming a rule, and the process glue
 * ({@code agreement.process}) maps them to BPMN errors.
 */
@Service
public class AgreementLifecycleService {

  public static final String MEDIA_PDF = "application/pdf";

  private final GrantAgreementRepository agreements;
  private final AgreementDocumentRepository documents;
  private final ConventionPdfRenderer renderer;
  private final CallCatalog calls;
  private final ApplicationService applications;
  private final ReportingService reporting;
  private final NotificationService notifications;
  private final DeliberationService decisions;
  private final AgreementFormService forms;
  private final AgreementSettlementService settlement;
  private final FundingCalculator calculator;

  public AgreementLifecycleService(GrantAgreementRepository agreements,
      AgreementDocumentRepository documents, ConventionPdfRenderer renderer, CallCatalog calls,
      ApplicationService applications, ReportingService reporting,
      NotificationService notifications, DeliberationService decisions, AgreementFormService forms,
      AgreementSettlementService settlement, FundingCalculator calculator) {
    this.calculator = calculator;
    this.agreements = agreements;
    this.documents = documents;
    this.renderer = renderer;
    this.calls = calls;
    this.applications = applications;
    this.reporting = reporting;
    this.notifications = notifications;
    this.decisions = decisions;
    this.forms = forms;
    this.settlement = settlement;
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

  /** The funding rule of a dossier: its lot's. */
  @Transactional(readOnly = true)
  public FundingRule fundingRuleOf(Application application) {
    return calls.getByReference(application.getCallReference()).fundingRule(application.getLotCode());
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
    CallLot lot = AgreementFormService.lot(call, application.getLotCode());
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
    FundingRule rule = lot.fundingRule();
    PaymentTerms terms = lot.getPaymentTerms();
    boolean fixed = rule.kind() == FundingKind.FIXED;
    if (!fixed && (d.units() == null || d.units().isBlank())) {
      problems.add("le volume retenu est obligatoire");
    }
    if (d.amount().signum() > 0) {
      calculator.excess(rule, d.amount(), award.getUnits() == null ? null : BigDecimal.valueOf(award.getUnits()),
          lot.getBudget()).ifPresent(why -> problems.add("le montant de la convention " + why));
    }
    // FIXED: the convention states the amount, no volume (a typed one is ignored)
    String units = fixed || d.units() == null ? null : d.units().trim();
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
          units, terms.getAdvancePercent(), terms.getBalanceTrigger().name(),
          d.decisionDate(), signatory(call), EngineClock.now());
    } else if (agreement.getStatus() != AgreementStatus.DRAFT) {
      throw new AgreementRuleException(Rule.AGREEMENT, "La convention " + agreement.getNumber()
          + " est déjà signée : elle ne se modifie plus que par avenant.");
    } else {
      agreement.revise(d.amount(), units, d.decisionDate(), d.periodStart(), d.periodEnd());
    }
    agreement = agreements.saveAndFlush(agreement);
    byte[] pdf = renderer.render(call.getFunder().getKind(), call.getFunder().getName(), forms.templateValues(agreement, call));
    documents.save(new AgreementDocument(agreement.getId(), agreement.getNumber() + ".pdf", MEDIA_PDF, pdf, EngineClock.now()));
    return agreement;
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
    GrantAgreement a = agreements.lockExisting(agreementId);
    List<String> problems = new ArrayList<>();
    check(problems, "de l'opérateur", operatorSignedOn, a.getDecisionDate());
    check(problems, "du financeur (" + a.getSignatoryTitle() + ")", presidentSignedOn, a.getDecisionDate());
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

  @Transactional
  public GrantAgreement close(Long agreementId) {
    GrantAgreement a = agreements.lockExisting(agreementId);
    if (a.getStatus() == AgreementStatus.SIGNED) {
      a.close(today());
    }
    return a;
  }

  // ------------------------------------------------------------------ reports

  /** Plans the reports of the convention from the call's reporting schedule. */
  @Transactional
  public ReportingService.Plan planReports(Long agreementId) {
    GrantAgreement a = get(agreementId);
    return reporting.plan(a.getId(), a.getPeriodStart(), a.getPeriodEnd(), milestones(calls.getByReference(a.getCallReference())));
  }

  /** The convention's period changed (an avenant): the reports not received yet follow it ({@code awaited} are kept). */
  @Transactional
  public List<Report> rescheduleReports(Long agreementId, java.util.Set<Long> awaited) {
    GrantAgreement a = get(agreementId);
    return reporting.reschedule(a.getId(), a.getPeriodStart(), a.getPeriodEnd(),
        milestones(calls.getByReference(a.getCallReference())), awaited);
  }

  /** The call's reporting schedule, as the reporting capability reads it. */
  public static List<ReportingService.Milestone> milestones(CallForProjects call) {
    return call.getReporting().stream().map(m -> new ReportingService.Milestone(m.getCode(), m.getLabel(),
        switch (m.getKind()) {
          case INTERIM -> ReportKind.INTERIM;
          case FINAL -> ReportKind.FINAL;
          case COMMITTEE -> ReportKind.COMMITTEE;
        },
        m.getFrequency().months(), m.getFrequency() == ReportFrequency.ON_DEMAND, m.getMonthsAfterStart(),
        m.getMonthsAfterEnd(), m.getInYearAfterEnd() == null ? null : MonthDay.parse("--" + m.getInYearAfterEnd()),
        m.getDates(), m.getDelayDays())).toList();
  }

  /** Stores a report reminder for the operator; returns the notification id. */
  @Transactional
  public Long reportReminder(Long agreementId, Number reportId) {
    GrantAgreement a = get(agreementId);
    var report = reporting.remind(reportId);
    return notifications.store(NotificationKind.REPORT_REMINDER, a.getOperatorEmail(),
        "Convention " + a.getNumber() + " : « " + report.title() + " » attendu le "
            + french(report.getDueOn()),
        "Madame, Monsieur,\n\nNous vous rappelons que « " + report.title()
            + " », prévu par la convention " + a.getNumber() + ", est attendu au plus tard le " + french(report.getDueOn())
            + ".\n\n" + calls.getByReference(a.getCallReference()).getFunder().letterSignature(),
        a.getApplicationReference()).getId();
  }

  // ------------------------------------------------------------------ reading

  @Transactional(readOnly = true)
  public GrantAgreement get(Long agreementId) {
    return agreements.getExisting(agreementId);
  }


  /** Who signs for the funder: the call's funder says so (the Préfet for the State, the Président for the Département). */
  private static String signatory(CallForProjects call) {
    return call.getFunder().getSignatory();
  }
}
