package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.call.CallDefinitionReader.InvalidCallFileException;
import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SpringScenarioTest
class CallDefinitionReaderTest {

  @Autowired CallDefinitionReader reader;

  @Test
  void everyCallFileOfTheRepositoryIsValid() {
    List<CallDefinition> calls = reader.readAll();
    assertThat(calls).extracting(CallDefinition::reference).containsExactlyInAnyOrder(
        "AAP-2023-INFO-JURIDIQUE", "AAP-2023-MICROCREDIT", "AAP-2023-LOGEMENT-JEUNES", "AAP-2023-NUMERO-VERT",
        "AAP-2023-ASTRE", "AAP-2023-COORDINATEURS-LDA", "AAP-2023-PREVENTION-EXPULSIONS", "AMI-2019-AML-LDA",
        "AAP-2027-ASTRE");
    CallDefinition prevention = calls.stream().filter(c -> c.reference().equals("AAP-2023-PREVENTION-EXPULSIONS")).findFirst().orElseThrow();
    assertThat(prevention.lots()).extracting(CallDefinition.Lot::code).containsExactly("AMI1", "AMI2");
    assertThat(prevention.lots().get(1).budget()).isEqualByComparingTo("25493.66");
    assertThat(prevention.selection()).isEqualTo(SelectionTimeline.PER_LOT);
    assertThat(prevention.selectionMode()).isEqualTo(SelectionMode.WITH_JURY);
    assertThat(calls).filteredOn(c -> !c.reference().equals("AAP-2023-PREVENTION-EXPULSIONS"))
        .extracting(CallDefinition::selection).containsOnly(SelectionTimeline.WHOLE_CALL);
    // "avant le 6 septembre 2019 à 16h00" closes at that minute
    CallDefinition aml = calls.stream().filter(c -> c.reference().equals("AMI-2019-AML-LDA")).findFirst().orElseThrow();
    assertThat(aml.lots().get(0).closesAt().toString()).isEqualTo("2019-09-06T16:00+02:00");
    assertThat(aml.selectionCriteria()).hasSize(6);
    CallDefinition astre = calls.stream().filter(c -> c.reference().equals("AAP-2023-ASTRE")).findFirst().orElseThrow();
    // "du 01/04/2023 au 31/05/2023 inclus": closes at 23:59:59 Paris time (summer: UTC+2)
    assertThat(astre.lots().get(0).closesAt().toString()).isEqualTo("2023-05-31T23:59:59+02:00");
    assertThat(astre.lots().get(0).budget()).isEqualByComparingTo("42000.00");
  }

  @Test
  void aFaultyFileIsRefusedWithEveryProblemInFrench() {
    String yaml = """
        reference: AAP-TEST-FAUX
        title: Appel faux
        funder: Département du Pas-de-Calais
        decidingBody: COMMISSION_PERMANENTE
        territories: [PAS_DE_CALAIS, ATLANTIDE]
        lots:
          - code: AMI1
            label: Lot 1
            opensAt: "2023-02-03T23:59:59"
            closesAt: "2022-12-15T00:00:00"
            conventionStart: 2022-01-01
            conventionEnd: 2023-12-31
          - code: AMI2
            label: Lot 2
            territories: [NARNIA]
            opensAt: "2023-07-01T00:00:00"
            closesAt: "2023-09-15T23:59:59"
            conventionStart: 2023-11-01
            conventionEnd: 2024-10-31
            budget: -10
        selectionCriteria:
          - { code: A, label: Critère A, weight: 60, maxScore: 5 }
          - { code: B, label: Critère B, weight: 30, maxScore: 5 }
        funding: { kind: FIXED, amount: 0 }
        payment: { advancePercent: 60, balanceTrigger: SERVICE_FAIT }
        """;
    assertThatThrownBy(() -> reader.read("faux.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(InvalidCallFileException.class, e -> assertThat(e.getProblems())
            .extracting(FieldProblem::field)
            .contains("territories[1]", "lots[0].closesAt", "lots[0].conventionStart", "lots[0].budget",
                "lots[1].territories[0]", "lots[1].budget", "selectionCriteria", "funding.amount"))
        .hasMessageContaining("Le territoire « ATLANTIDE » est inconnu.")
        .hasMessageContaining("La somme des poids des critères doit être 100 (elle est de 90).")
        .hasMessageContaining("L'enveloppe budgétaire du lot est obligatoire.")
        .hasMessageContaining("L'enveloppe budgétaire doit être strictement positive.")
        .hasMessageContaining("La clôture (15/12/2022 à 00h00) doit être postérieure à l'ouverture (03/02/2023 à 23h59).");
  }
}
