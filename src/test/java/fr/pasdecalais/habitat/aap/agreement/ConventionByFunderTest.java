package fr.pasdecalais.habitat.aap.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.agreement.process.GrantAgreementProcess;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.support.CatalogueCalls;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The convention PDF follows the call's funder: its text, read back from the generated PDF, names
 * the parties, the articles, the ordonnateur, the co-funder's share and the signatures of the
 * Département or of the State (calls of the catalogue, under test references).
 */
@SpringScenarioTest
class ConventionByFunderTest {

  @Autowired ProcessEngine engine;
  @Autowired AgreementScenarios scenario;
  @Autowired CallCatalog calls;
  @Autowired CallDefinitionReader reader;
  @Autowired AgreementDocumentRepository documents;

  @BeforeEach
  void init() {
    ProcessTestSupport.init(engine);
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void aDepartementFundedConventionIsBetweenTheDepartementAndTheOperatorAndNamesNoPrefet() throws IOException {
    ProcessTestSupport.clock("2023-01-20T10:00:00");
    String call = catalogueCall("aap-2023-coordinateurs-logement-dabord", c -> { });
    Application a = scenario.application(call, "UNIQUE", "LENS_HENIN", new BigDecimal("55000.00"),
        Instant.parse("2023-01-20T08:00:00Z"));
    ProcessTestSupport.clock("2023-03-20T10:00:00");
    ProcessInstance pi = scenario.start(a);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), GrantAgreementProcess.VAR_PAYER_GROUP))
        .isEqualTo(Groups.FINANCES);
    scenario.prepare(pi, "55000", "1 ETP de coordinateur", "2023-03-06");

    String text = conventionText(a);
    assertThat(text)
        .contains("Entre le Département du Pas-de-Calais, représenté par le Président du Conseil départemental du "
            + "Pas-de-Calais, ci-après dénommé « le Département »")
        .contains("et " + a.getOrganization().getName() + ", ci-après dénommé « l'opérateur »")
        .contains("Le Département attribue à l'opérateur une participation financière d'un montant maximal de 55 000,00 €")
        .contains("Cette action est cofinancée par l'État (crédits Logement d'abord de la DIHAL) à hauteur de 74,85 % de son coût.")
        .contains("L'ordonnateur de la dépense est le Président du Conseil départemental du Pas-de-Calais.")
        .contains("Une avance de 60 %, soit 33 000,00 €, à la signature ; le solde, au plus 22 000,00 €, au service fait")
        .contains("Pour le Département, le Président du Conseil départemental du Pas-de-Calais :")
        .doesNotContain("Préfet")
        .doesNotContain("L'État attribue")
        .doesNotContain("{{");
  }

  @Test
  void aStateFundedConventionIsTheStatesRepresentedByThePrefetAndNeverTheDepartements() throws IOException {
    ProcessTestSupport.clock("2019-08-01T10:00:00");
    String call = catalogueCall("ami-2019-aml-logement-dabord", c -> { });
    Application a = scenario.application(call, "LENS_HENIN", "LENS_HENIN", new BigDecimal("160000.00"),
        Instant.parse("2019-08-01T08:00:00Z"));
    ProcessTestSupport.clock("2019-11-05T10:00:00");
    ProcessInstance pi = scenario.start(a);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), GrantAgreementProcess.VAR_PAYER_GROUP))
        .isEqualTo(Groups.ETAT_FINANCES);
    scenario.prepare(pi, "160000", "32 mesures AML de 12 mois", "2019-11-04");

    String text = conventionText(a);
    assertThat(text)
        .contains("CONVENTION ATTRIBUTIVE DE SUBVENTION N° CONV-" + a.getReference())
        .contains("L'État, représenté par le Préfet du Pas-de-Calais, désigné sous le terme « l'administration », d'une part,")
        .contains("et " + a.getOrganization().getName() + ", porteur du dossier " + a.getReference()
            + ", ci-après dénommé « le bénéficiaire », d'autre part,")
        .contains("le service instructeur suivant : Direction départementale de la cohésion sociale du Pas-de-Calais (DDCS), "
            + "crédits de la DIHAL.")
        .contains("L'État attribue au bénéficiaire une contribution financière d'un montant maximal de 160 000,00 €")
        .contains("L'ordonnateur de la dépense est le Préfet du Pas-de-Calais.")
        .contains("dans les six mois suivant la fin de la convention le compte rendu financier")
        .contains("le concours de l'État")
        .contains("Pour l'État, le Préfet du Pas-de-Calais :")
        .doesNotContain("ci-après dénommé « le Département »")
        .doesNotContain("Le Département attribue")
        .doesNotContain("Pour le Département")
        .doesNotContain("cofinancée")
        .doesNotContain("{{");
  }

  private String catalogueCall(String file, Consumer<ObjectNode> adjust) {
    String reference = "T-FUNDER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String yaml = CatalogueCalls.yaml(file, reference, adjust);
    calls.create(reader.read(file, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    return reference;
  }

  /** The text of the convention's latest PDF, whitespace collapsed (the PDF wraps long lines, also at hyphens). */
  private String conventionText(Application a) throws IOException {
    Long agreementId = scenario.agreementIdOf(a.getReference());
    byte[] pdf = documents.findByAgreementIdOrderByIdDesc(agreementId).get(0).getContent();
    PdfReader pdfReader = new PdfReader(pdf);
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(pdfReader);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= pdfReader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\n');
      }
      // a word wrapped at its hyphen ("Pas-de-\nCalais") is one word again
      return text.toString().replaceAll("-[ \\t]*\\R\\s*", "-").replaceAll("\\s+", " ");
    } finally {
      pdfReader.close();
    }
  }
}
