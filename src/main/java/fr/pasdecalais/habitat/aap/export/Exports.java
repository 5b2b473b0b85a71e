package fr.pasdecalais.habitat.aap.export;

import fr.pasdecalais.habitat.aap.agreement.AgreementExportReading;
import fr.pasdecalais.habitat.aap.agreement.AgreementExportReading.ExportedAgreement;
import fr.pasdecalais.habitat.aap.agreement.AgreementExportReading.ExportedPayment;
import fr.pasdecalais.habitat.aap.agreement.AgreementExportReading.ExportedReport;
import fr.pasdecalais.habitat.aap.application.ApplicationExportReading;
import fr.pasdecalais.habitat.aap.application.ApplicationExportReading.ExportedDossier;
import fr.pasdecalais.habitat.aap.application.ApplicationState;
import fr.pasdecalais.habitat.aap.call.FunderKind;
import fr.pasdecalais.habitat.aap.decision.DecisionReading;
import fr.pasdecalais.habitat.aap.decision.DecisionReading.DossierDecision;
import fr.pasdecalais.habitat.aap.export.ExportScope.ScopedCall;
import fr.pasdecalais.habitat.aap.jury.JuryScoresReading;
import fr.pasdecalais.habitat.aap.jury.JuryScoresReading.JurorScores;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The two exports, written page by page ({@value #PAGE} dossiers or conventions at a time, each page
 * read in its own transaction through the capabilities' reading services) so that an export of any
 * size holds one page in memory.
 */
@Service
public class Exports {

  static final int PAGE = 500;

  private final ApplicationExportReading dossiers;
  private final DecisionReading decisions;
  private final JuryScoresReading jury;
  private final AgreementExportReading agreements;

  public Exports(ApplicationExportReading dossiers, DecisionReading decisions, JuryScoresReading jury,
      AgreementExportReading agreements) {
    this.dossiers = dossiers;
    this.decisions = decisions;
    this.jury = jury;
    this.agreements = agreements;
  }

  /** The dossier state named by the filter (null: all); 400 for an unknown state, before anything is written. */
  public static ApplicationState dossierState(ExportFilter filter) {
    if (filter.state() == null) {
      return null;
    }
    try {
      return ApplicationState.valueOf(filter.state());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("state", "L'état « " + filter.state() + " » n'existe pas ; états possibles : "
          + Arrays.stream(ApplicationState.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }
  }

  /** The convention status named by the filter; 400 for an unknown one. */
  public static String agreementStatus(ExportFilter filter) {
    if (filter.state() != null && !AgreementExportReading.isStatus(filter.state())) {
      throw DomainException.invalid("state", "Le statut de convention « " + filter.state()
          + " » n'existe pas ; statuts possibles : DRAFT, SIGNED, CLOSED, TERMINATED.");
    }
    return filter.state();
  }

  static String funderLabel(FunderKind kind) {
    return kind == FunderKind.ETAT ? "État" : "Département";
  }

  // ---------------------------------------------------------------- dossiers

  /**
   * Writes the dossiers of the calls: one row per dossier. {@code withJuryScores}: each juror's
   * scores (columns per member of the calls' juries); false for anyone but an agent.
   */
  public int writeDossiers(List<ScopedCall> calls, ExportFilter filter, boolean withJuryScores, TableWriter out)
      throws IOException {
    ApplicationState state = dossierState(filter);
    Map<String, ScopedCall> byReference = calls.stream()
        .collect(Collectors.toMap(ScopedCall::reference, Function.identity()));
    List<String> jurors = withJuryScores
        ? calls.stream().flatMap(c -> c.jurors().stream()).distinct().sorted().toList() : List.of();
    List<Column> columns = new ArrayList<>(List.of(
        Column.text("Référence du dossier"), Column.text("Appel"), Column.text("Intitulé de l'appel"),
        Column.text("Financeur"), Column.text("Lot"), Column.text("Organisation"), Column.text("SIRET"),
        Column.text("Type de porteur"), Column.text("Territoires"), Column.text("État"),
        Column.text("Libellé de l'état"), Column.dateTime("Date de l'état"), Column.dateTime("Reçu le"),
        Column.amount("Montant demandé (€)"), Column.amount("Montant proposé (€)"), Column.amount("Montant accordé (€)"),
        Column.text("Complétude"), Column.text("Éligibilité"), Column.integer("Tours de régularisation"),
        Column.decimal("Note pondérée (/100)"), Column.integer("Rang"), Column.text("Décision"),
        Column.text("Référence de la décision"), Column.date("Date de la décision")));
    for (String juror : jurors) {
      columns.add(Column.text("Avis de " + juror));
      columns.add(Column.text("Notes de " + juror));
      columns.add(Column.decimal("Note pondérée de " + juror));
    }
    out.header(columns);
    ApplicationExportReading.PageFilter pageFilter = new ApplicationExportReading.PageFilter(
        byReference.keySet(), state, filter.territory());
    long after = 0;
    int written = 0;
    while (true) {
      List<ExportedDossier> page = dossiers.page(pageFilter, after, PAGE);
      if (page.isEmpty()) {
        return written;
      }
      List<Long> ids = page.stream().map(ExportedDossier::id).toList();
      Map<Long, DossierDecision> decided = decisions.ofApplications(ids);
      Map<Long, List<JurorScores>> scores = withJuryScores ? jury.ofApplications(ids) : Map.of();
      for (ExportedDossier d : page) {
        DossierDecision dec = decided.get(d.id());
        ScopedCall call = byReference.get(d.callReference());
        List<Object> row = new ArrayList<>(Arrays.asList(d.reference(), d.callReference(),
            call == null ? null : call.title(), call == null ? null : funderLabel(call.funder()), d.lotCode(),
            d.organizationName(), d.siret(), d.holderType(), String.join(", ", d.territories()), d.state(),
            d.stateLabel(), d.stateSince(), d.receivedAt(), d.requestedAmount(),
            dec == null ? null : dec.proposedAmount(), dec == null ? null : dec.grantedAmount(), d.completeness(),
            d.eligibility(), d.regularizationRounds(),
            dec != null && dec.weightedScore() != null ? dec.weightedScore() : d.weightedScore(),
            dec == null ? null : dec.rank(),
            dec == null || dec.granted() == null ? null : dec.granted() ? "Accordée" : "Refusée",
            dec == null ? null : dec.decisionReference(), dec == null ? null : dec.decidedOn()));
        Map<String, JurorScores> byMember = scores.getOrDefault(d.id(), List.of()).stream()
            .collect(Collectors.toMap(JurorScores::member, Function.identity(), (a, b) -> b));
        for (String juror : jurors) {
          JurorScores s = byMember.get(juror);
          row.add(s == null ? null : s.status().equals("ABSTAINED") ? "Abstention" : s.avis());
          row.add(s == null || s.scores().isEmpty() ? null : scores(s.scores(), call == null ? List.of() : call.criteria()));
          row.add(s == null ? null : s.weightedScore());
        }
        out.row(row);
        written++;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  // ---------------------------------------------------------------- conventions and money

  /** Writes the conventions of the calls: one row per convention, its money and reports in columns. */
  public int writeAgreements(List<ScopedCall> calls, ExportFilter filter, TableWriter out) throws IOException {
    String status = agreementStatus(filter);
    Map<String, ScopedCall> byReference = calls.stream()
        .collect(Collectors.toMap(ScopedCall::reference, Function.identity()));
    List<String> indicators = calls.stream().flatMap(c -> c.indicators().stream()).distinct().toList();
    List<Column> columns = new ArrayList<>(List.of(
        Column.text("N° de convention"), Column.text("Dossier"), Column.text("Organisation"), Column.text("SIRET"),
        Column.text("Appel"), Column.text("Intitulé de l'appel"), Column.text("Financeur"), Column.text("Lot"),
        Column.text("Territoires"), Column.text("Statut"), Column.date("Début de la période"),
        Column.date("Fin de la période"), Column.amount("Montant de la convention (€)"),
        Column.amount("Montant dû au service fait (€)"), Column.text("Échéancier"), Column.date("Date de la décision"),
        Column.date("Signée le"), Column.date("Service fait le"), Column.date("Close le"), Column.date("Résiliée le")));
    for (String slot : List.of("Avance", "Solde")) {
      columns.addAll(List.of(Column.amount(slot + " : montant (€)"), Column.text(slot + " : n° d'ordre"),
          Column.text(slot + " : n° de mandat"), Column.dateTime(slot + " : ordonnancé le"),
          Column.date(slot + " : payé le"), Column.text(slot + " : statut")));
    }
    columns.addAll(List.of(Column.amount("Versements intermédiaires payés (€)"),
        Column.text("Versements intermédiaires : détail"), Column.amount("Total versé (€)"),
        Column.text("Titre de recette : n° d'ordre"), Column.text("Titre de recette : n° de titre"),
        Column.amount("Titre de recette : montant (€)"), Column.amount("Titre de recette : encaissé (€)"),
        Column.integer("Bilans attendus"), Column.integer("Bilans reçus"), Column.integer("Bilans en retard"),
        Column.integer("Bilans approuvés"), Column.text("Bilans : détail")));
    for (String code : indicators) {
      columns.add(Column.decimal("Indicateur " + code));
    }
    out.header(columns);
    long after = 0;
    int written = 0;
    while (true) {
      List<ExportedAgreement> page = agreements.page(byReference.keySet(), status, after, PAGE);
      if (page.isEmpty()) {
        return written;
      }
      Map<Long, ExportedDossier> dossierOf = dossiers.byIds(page.stream().map(ExportedAgreement::applicationId)
          .filter(Objects::nonNull).toList()).stream().collect(Collectors.toMap(ExportedDossier::id, Function.identity()));
      for (ExportedAgreement a : page) {
        ExportedDossier d = dossierOf.get(a.applicationId());
        if (filter.territory() != null && (d == null || !d.territories().contains(filter.territory()))) {
          continue;
        }
        ScopedCall call = byReference.get(a.callReference());
        List<Object> row = new ArrayList<>(Arrays.asList(a.number(), a.applicationReference(), a.organizationName(),
            d == null ? null : d.siret(), a.callReference(), a.callTitle(),
            call == null ? null : funderLabel(call.funder()), a.lotCode(),
            d == null ? null : String.join(", ", d.territories()), a.status(), a.periodStart(), a.periodEnd(),
            a.amount(), a.amountDue(), a.scheduleLabel(), a.decisionDate(), a.signedOn(), a.serviceRenderedOn(),
            a.closedOn(), a.terminatedOn()));
        for (String kind : List.of("ADVANCE", "BALANCE")) {
          ExportedPayment p = slot(a.payments(), kind);
          row.addAll(Arrays.asList(p == null ? null : p.amount(), p == null ? null : p.orderNumber(),
              p == null ? null : p.mandateNumber(), p == null ? null : p.orderedAt(), p == null ? null : p.paidOn(),
              p == null ? null : statusLabel(p.status())));
        }
        List<ExportedPayment> instalments = a.payments().stream().filter(p -> p.kind().equals("INSTALMENT")).toList();
        row.add(instalments.isEmpty() ? null : sum(instalments.stream().filter(p -> p.status().equals("PAID"))
            .map(ExportedPayment::amount).toList()));
        row.add(instalments.isEmpty() ? null : instalments.stream().map(p -> "n° " + p.instalment() + " : "
            + p.amount().toPlainString().replace('.', ',') + " € " + statusLabel(p.status()).toLowerCase()
            + (p.mandateNumber() == null ? "" : ", mandat " + p.mandateNumber())
            + (p.paidOn() == null ? "" : ", payé le " + p.paidOn().format(CsvTableWriter.DAY)))
            .collect(Collectors.joining(" ; ")));
        row.add(sum(a.payments().stream().filter(p -> !p.kind().equals("RECOVERY") && p.status().equals("PAID"))
            .map(ExportedPayment::amount).toList()));
        ExportedPayment titre = slot(a.payments(), "RECOVERY");
        row.addAll(Arrays.asList(titre == null ? null : titre.orderNumber(), titre == null ? null : titre.mandateNumber(),
            titre == null ? null : titre.amount(), titre == null ? null : titre.collected()));
        List<ExportedReport> reports = a.reports();
        row.addAll(Arrays.asList(reports.size(), (int) reports.stream().filter(r -> r.receivedOn() != null).count(),
            (int) reports.stream().filter(ExportedReport::late).count(),
            (int) reports.stream().filter(r -> Boolean.TRUE.equals(r.approved())).count(),
            reports.isEmpty() ? null : reports.stream().map(Exports::report).collect(Collectors.joining(" ; "))));
        for (String code : indicators) {
          row.add(indicator(a.indicators().get(code)));
        }
        out.row(row);
        written++;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  /** "RESEAU : 5 ; EXPERIENCE : 4", in the order of the call's criteria (then any other code). */
  private static String scores(Map<String, Integer> scores, List<String> criteria) {
    List<String> order = new ArrayList<>(criteria);
    scores.keySet().stream().filter(k -> !order.contains(k)).sorted().forEach(order::add);
    return order.stream().filter(scores::containsKey).map(k -> k + " : " + scores.get(k))
        .collect(Collectors.joining(" ; "));
  }

  /** The live payment of a kind (the last not cancelled), else the last one. */
  private static ExportedPayment slot(List<ExportedPayment> payments, String kind) {
    ExportedPayment live = null;
    ExportedPayment any = null;
    for (ExportedPayment p : payments) {
      if (p.kind().equals(kind)) {
        any = p;
        if (!p.status().equals("CANCELLED")) {
          live = p;
        }
      }
    }
    return live != null ? live : any;
  }

  private static String statusLabel(String status) {
    return switch (status) {
      case "ORDERED" -> "Ordonnancé";
      case "PAID" -> "Payé";
      case "CANCELLED" -> "Annulé";
      default -> status;
    };
  }

  private static String report(ExportedReport r) {
    return r.title() + " : attendu le " + r.dueOn().format(CsvTableWriter.DAY)
        + (r.receivedOn() == null ? ", non reçu" : ", reçu le " + r.receivedOn().format(CsvTableWriter.DAY))
        + (r.late() ? ", en retard" : "")
        + (r.approved() == null ? "" : r.approved() ? ", approuvé" : ", non approuvé");
  }

  /** A numeric indicator as a number, anything else as its text. */
  private static Object indicator(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    String text = value.toString().trim();
    return text.matches("-?\\d+([.,]\\d+)?") ? new BigDecimal(text.replace(',', '.')) : text;
  }

  private static BigDecimal sum(Collection<BigDecimal> amounts) {
    return amounts.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  static Set<String> references(List<ScopedCall> calls) {
    return calls.stream().map(ScopedCall::reference).collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
