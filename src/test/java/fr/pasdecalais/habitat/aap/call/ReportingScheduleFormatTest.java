package fr.pasdecalais.habitat.aap.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.support.SpringScenarioTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The reporting schedule of the call format, as the documents write it: the catalogue's files say
 * what the seeds say, and a schedule that says a thing two ways (or a delay where none applies) is
 * refused in French, per field.
 */
@SpringScenarioTest
class ReportingScheduleFormatTest {

  @Autowired CallDefinitionReader reader;

  private CallDefinition catalogue(String file) throws IOException {
    try (var in = new ClassPathResource("calls/" + file).getInputStream()) {
      return reader.read(file, in);
    }
  }

  @Test
  void theCatalogueWritesTheReportsAsTheDocumentsDo() throws IOException {
    var prevention = catalogue("aap-2023-prevention-expulsions.yaml").reporting();
    assertThat(prevention).anySatisfy(m -> {
      assertThat(m.code()).isEqualTo("TABLEAU_MENSUEL");
      assertThat(m.frequency()).isEqualTo(ReportFrequency.MONTHLY);
    });
    assertThat(prevention).filteredOn(m -> m.kind() == CallDefinition.ReportKind.FINAL)
        .singleElement().satisfies(m -> assertThat(m.monthsAfterEnd()).isEqualTo(6));
    assertThat(catalogue("aap-2023-microcredit.yaml").reporting()).anySatisfy(m -> {
      assertThat(m.frequency()).isEqualTo(ReportFrequency.ON_DEMAND);
      assertThat(m.delayDays()).isEqualTo(30);
    });
    assertThat(catalogue("aap-2023-numero-vert.yaml").reporting()).singleElement()
        .satisfies(m -> assertThat(m.inYearAfterEnd()).isEqualTo("06-30"));
    var coordinateurs = catalogue("aap-2023-coordinateurs-logement-dabord.yaml").reporting();
    assertThat(coordinateurs).extracting(CallDefinition.ReportingMilestone::code)
        .contains("BILAN_3_MOIS", "BILAN_6_MOIS", "BILAN_12_MOIS", "COMITE_SUIVI", "RAPPORT_ANNUEL");
    assertThat(coordinateurs).filteredOn(m -> m.kind() == CallDefinition.ReportKind.COMMITTEE).singleElement()
        .satisfies(m -> assertThat(m.frequency()).isEqualTo(ReportFrequency.YEARLY));
  }

  @Test
  void aScheduleThatSaysAThingTwoWaysIsRefusedFieldByField() throws IOException {
    String yaml = new ClassPathResource("calls/aap-2023-information-juridique.yaml").getContentAsString(StandardCharsets.UTF_8);
    String reporting = yaml.substring(yaml.indexOf("reporting:"), yaml.indexOf("funding:"));
    String faulty = yaml.replace(reporting, """
        reporting:
          - { code: B1, label: "Bilan", kind: FINAL, monthsAfterEnd: 6, inYearAfterEnd: "06-30" }
          - { code: B2, label: "Second bilan final", kind: FINAL, monthsAfterEnd: 3 }
          - { code: T, label: "Tableau", kind: INTERIM, frequency: MONTHLY, delayDays: 10 }
          - { code: U, label: "Une fois, sans date", kind: INTERIM }
          - { code: V, label: "Après la fin", kind: INTERIM, monthsAfterEnd: 2 }
          - { code: W, label: "Date n+1 mal écrite", kind: FINAL, inYearAfterEnd: "30/06" }
        """);
    assertThatThrownBy(() -> reader.read("faux.yaml", new ByteArrayInputStream(faulty.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(CallDefinitionReader.InvalidCallFileException.class)
        .hasMessageContaining("reporting[0] : Le bilan « B1 » a plusieurs échéances")
        .hasMessageContaining("Un seul bilan final par appel (il y en a 3)")
        .hasMessageContaining("reporting[2].delayDays : Le bilan « T » n'est pas demandé à tout moment")
        .hasMessageContaining("reporting[3].monthsAfterStart : Le bilan « U » est dû une fois")
        .hasMessageContaining("reporting[4] : Le bilan « V » n'est pas le bilan final")
        .hasMessageContaining("La date limite en n+1 s'écrit MM-JJ");
  }
}
