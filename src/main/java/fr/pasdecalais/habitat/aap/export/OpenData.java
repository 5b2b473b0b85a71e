package fr.pasdecalais.habitat.aap.export;

import fr.pasdecalais.habitat.aap.agreement.AgreementExportReading;
import fr.pasdecalais.habitat.aap.agreement.AgreementExportReading.ExportedAgreement;
import fr.pasdecalais.habitat.aap.application.ApplicationExportReading;
import fr.pasdecalais.habitat.aap.application.ApplicationExportReading.ExportedDossier;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.call.FunderKind;
import fr.pasdecalais.habitat.aap.decision.DecisionReading;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The "données essentielles des conventions de subvention" (décret n° 2017-779, arrêté du
 * 17 novembre 2017) in the SCDL <i>subventions</i> format (OpenDataFrance, 2.x): one row per signed
 * convention (both signatures recorded) of the funder's calls, the funder's name and SIRET as
 * configured ({@link OpenDataProperties}). Never a natural person: a beneficiary without a 14-digit
 * SIRET, or whose legal form or holder type names a natural person (personne physique, entrepreneur
 * individuel, micro-entrepreneur, particulier), is left out.
 */
@Service
public class OpenData {

  /** The SCDL columns, in the schema's order (also the CSV header). */
  public static final List<String> FIELDS = List.of("nomAttribuant", "idAttribuant", "dateConvention",
      "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "objet", "montant", "nature", "conditionsVersement",
      "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention");

  private static final Pattern NATURAL_PERSON = Pattern.compile(
      "(?iu)personne\\s+physique|entrepreneur\\s+individuel|micro[- ]?entrepreneur|auto[- ]?entrepreneur|particulier");

  private final OpenDataProperties properties;
  private final CallCatalog calls;
  private final AgreementExportReading agreements;
  private final ApplicationExportReading dossiers;
  private final DecisionReading decisions;

  public OpenData(OpenDataProperties properties, CallCatalog calls, AgreementExportReading agreements,
      ApplicationExportReading dossiers, DecisionReading decisions) {
    this.properties = properties;
    this.calls = calls;
    this.agreements = agreements;
    this.dossiers = dossiers;
    this.decisions = decisions;
  }

  public OpenDataProperties.Attribuant attribuant(FunderKind kind) {
    return kind == FunderKind.ETAT ? properties.etat() : properties.departement();
  }

  /**
   * Writes the rows of the funders' signed conventions, in convention order, one page at a time;
   * each row maps the SCDL field to its value (text, or {@code BigDecimal} for {@code montant} and
   * {@code pourcentageSubvention}).
   */
  public void rows(Set<FunderKind> funders, Consumer<Map<String, Object>> sink) {
    Map<String, CallForProjects> scope = calls.findAll().stream()
        .filter(c -> funders.contains(c.getFunder().getKind()))
        .collect(Collectors.toMap(CallForProjects::getReference, Function.identity()));
    long after = 0;
    while (true) {
      List<ExportedAgreement> page = agreements.page(scope.keySet(), null, after, Exports.PAGE);
      if (page.isEmpty()) {
        return;
      }
      after = page.get(page.size() - 1).id();
      List<ExportedAgreement> signed = page.stream().filter(a -> a.signedOn() != null && !a.status().equals("DRAFT"))
          .filter(a -> properties.threshold() == null || a.amount().compareTo(properties.threshold()) > 0).toList();
      Map<Long, ExportedDossier> beneficiary = dossiers.byIds(signed.stream().map(ExportedAgreement::applicationId)
          .filter(Objects::nonNull).toList()).stream().collect(Collectors.toMap(ExportedDossier::id, Function.identity()));
      Map<String, String> decisionOf = decisions.referencesByApplication(
          signed.stream().map(ExportedAgreement::applicationReference).toList());
      for (ExportedAgreement a : signed) {
        ExportedDossier d = beneficiary.get(a.applicationId());
        if (d == null || d.siret() == null || !d.siret().matches("\\d{14}") || naturalPerson(d)) {
          continue;
        }
        CallForProjects call = scope.get(a.callReference());
        OpenDataProperties.Attribuant who = attribuant(call.getFunder().getKind());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("nomAttribuant", who.name());
        row.put("idAttribuant", who.siret());
        row.put("dateConvention", a.signedOn().toString());
        row.put("referenceDecision", decisionOf.getOrDefault(a.applicationReference(), ""));
        row.put("nomBeneficiaire", d.organizationName());
        row.put("idBeneficiaire", d.siret());
        row.put("objet", cut(objet(a, call), 256));
        row.put("montant", a.amount().setScale(2, RoundingMode.HALF_UP));
        row.put("nature", "aide en numéraire");
        row.put("conditionsVersement", a.shareAtSignature() >= 100 ? "unique" : "échelonné");
        row.put("datesPeriodeVersement", a.periodStart() == null ? a.signedOn().toString()
            : a.periodEnd() == null || a.periodEnd().equals(a.periodStart()) ? a.periodStart().toString()
            : a.periodStart() + "/" + a.periodEnd());
        row.put("idRAE", "");
        row.put("notificationUE", "non");
        row.put("pourcentageSubvention", share(call));
        sink.accept(row);
      }
    }
  }

  static boolean naturalPerson(ExportedDossier d) {
    return (d.legalForm() != null && NATURAL_PERSON.matcher(d.legalForm()).find())
        || (d.holderType() != null && NATURAL_PERSON.matcher(d.holderType()).find());
  }

  /** "Subvention au titre de l'appel à projets « … » (lot …)", as the convention's object. */
  private static String objet(ExportedAgreement a, CallForProjects call) {
    String title = a.callTitle() != null ? a.callTitle() : call.getTitle();
    return "Subvention au titre de l'appel à projets « " + title + " »"
        + (a.lotCode() == null || a.lotCode().equals("UNIQUE") ? "" : " (lot " + a.lotCode() + ")");
  }

  /** The funder's share of the action: 1.00 alone, else 1 − the co-funder's share. */
  private static BigDecimal share(CallForProjects call) {
    BigDecimal co = call.getFunder().getCoFunderShare();
    if (co == null) {
      return new BigDecimal("1.00");
    }
    return BigDecimal.valueOf(100).subtract(co).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP)
        .setScale(2, RoundingMode.HALF_UP);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  static List<String> values(Map<String, Object> row) {
    List<String> values = new ArrayList<>();
    for (String field : FIELDS) {
      Object v = row.get(field);
      values.add(v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
    }
    return values;
  }
}
