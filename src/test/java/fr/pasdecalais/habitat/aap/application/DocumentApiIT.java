package fr.pasdecalais.habitat.aap.application;

import static fr.pasdecalais.habitat.aap.support.ProcessTestSupport.clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.pasdecalais.habitat.aap.web.ApiExceptionHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.identity.IdentitySetup;
import fr.pasdecalais.habitat.aap.support.PostgresIntegrationTest;
import fr.pasdecalais.habitat.aap.support.ProcessTestSupport;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Pieces of a dossier through the API, stored in PostgreSQL: formats, size, SHA-256, who may read them. */
@PostgresIntegrationTest
class DocumentApiIT {

  static final String PASSWORD = "Essai-Api-2026!";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired CallCatalog catalog;
  @Autowired CallDefinitionReader reader;
  @Autowired ApplicationService service;
  @Autowired OrganizationRepository organizations;
  @Autowired OrganizationMemberships memberships;
  @Autowired IdentitySetup identity;
  @Autowired DocumentService documents;

  String partner;
  String reference;
  String otherPartner;
  String agent;
  String juror;
  String otherJuror;

  @BeforeEach
  void setUp() {
    clock("2023-04-10T10:00:00");
    partner = "porteur-" + UUID.randomUUID().toString().substring(0, 8);
    identity.ensureUser(partner, "Paul", "Porteur", PASSWORD, Groups.PORTEURS);
    CallForProjects call = new Dossiers(catalog, reader, service).call(true);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    otherPartner = "autre-porteur-" + suffix;
    agent = "instructeur-" + suffix;
    juror = call.getJury().get(1).getUserId();
    otherJuror = "jure-" + suffix;
    identity.ensureUser(otherPartner, "Olga", "Autre", PASSWORD, Groups.PORTEURS);
    identity.ensureUser(agent, "Camille", "Martin", PASSWORD, Groups.INSTRUCTEURS);
    identity.ensureUser(juror, "Thomas", "Leroy", PASSWORD, Groups.JURY);
    identity.ensureUser(otherJuror, "Pierre", "Lambert", PASSWORD, Groups.JURY);
    catalog.publish(call.getReference());
    reference = service.submit(call.getReference(), Dossiers.request(
        Dossiers.memberOrganization(organizations, memberships, partner), Dossiers.email(), true,
        List.of("ARTOIS")), new Caller(partner, Set.of(Groups.PORTEURS))).application().getReference();
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  @Test
  void pdfIsStoredWithItsDetectedTypeSizeAndHashAndReadBack() throws Exception {
    byte[] pdf = pdf();
    ResponseEntity<String> created = upload(partner, "BUDGET", "budget 2023 (signé).pdf", pdf);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode d = json.readTree(created.getBody());
    assertThat(d.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(d.get("size").asLong()).isEqualTo(pdf.length);
    assertThat(d.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    assertThat(created.getHeaders().getLocation()).hasToString(d.get("href").asText());

    JsonNode list = json.readTree(http.withBasicAuth(partner, PASSWORD)
        .getForEntity("/api/applications/" + reference + "/documents", String.class).getBody());
    assertThat(list).hasSize(1);
    ResponseEntity<byte[]> file = http.withBasicAuth(agent, PASSWORD).getForEntity(d.get("href").asText(), byte[].class);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(file.getBody()).isEqualTo(pdf);
    assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("budget 2023 (signé).pdf");

    // the jury of the call reads it; another partner and a juror of other calls do not even see it
    assertThat(http.withBasicAuth(juror, PASSWORD).getForEntity(d.get("href").asText(), byte[].class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth(otherJuror, PASSWORD).getForEntity(d.get("href").asText(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth(otherPartner, PASSWORD).getForEntity("/api/applications/" + reference + "/documents",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // the jury may not add pieces
    assertThat(upload(juror, "BUDGET", "b.pdf", pdf).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void typeIsDetectedFromTheBytesNotFromTheName() throws Exception {
    ResponseEntity<String> fake = upload(partner, "PROJET", "projet.pdf",
        "#!/bin/sh\necho ceci n'est pas un PDF\n".getBytes(StandardCharsets.UTF_8));
    assertThat(fake.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    JsonNode problem = json.readTree(fake.getBody());
    assertThat(problem.get("title").asText()).isEqualTo("Format de fichier refusé");
    assertThat(problem.get("detail").asText()).contains("seuls les fichiers PDF, ODT, DOCX, XLSX et les images");

    byte[] png = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5e3c40000000049454e44ae426082");
    // the name's extension must agree with the bytes (issue 12): a PNG named .pdf is refused, named .png accepted
    ResponseEntity<String> misnamed = upload(partner, "AGREMENT", "agrement.pdf", png);
    assertThat(misnamed.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(json.readTree(misnamed.getBody()).get("detail").asText())
        .contains("porte l'extension .pdf mais son contenu est de type « image/png »");
    ResponseEntity<String> image = upload(partner, "AGREMENT", "agrement.png", png);
    assertThat(image.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(image.getBody()).get("contentType").asText()).isEqualTo("image/png");
  }

  @Test
  void unknownTypeEmptyAndOversizedFilesAreRefused() throws Exception {
    ResponseEntity<String> unknown = upload(partner, "PHOTO_EQUIPE", "equipe.pdf", pdf());
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody()).contains("Le type de pièce « PHOTO_EQUIPE » n'est pas demandé par l'appel")
        .contains("LETTRE_CANDIDATURE, PROJET, AGREMENT, BUDGET, CV_INTERVENANTS");

    ResponseEntity<String> empty = upload(partner, "BUDGET", "vide.pdf", new byte[0]);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // over the limit (20 Mo by default): refused by the service with 413 and the limit in French. Over HTTP
    // Tomcat resets the connection of a 21 Mo upload before the client reads the answer, so it is called directly.
    byte[] big = new byte[21 * 1024 * 1024];
    System.arraycopy(pdf(), 0, big, 0, pdf().length);
    assertThatThrownBy(() -> documents.upload(reference, "BUDGET", "gros.pdf", big, new Caller(partner, Set.of(Groups.PORTEURS))))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.getKind()).isEqualTo(DomainException.Kind.TOO_LARGE);
          assertThat(ApiExceptionHandler.status(e.getKind())).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
          assertThat(e.getMessage()).isEqualTo("Le fichier fait 21,0 Mo ; la taille maximale est de 20,0 Mo.");
        });

    assertThat(json.readTree(http.withBasicAuth(partner, PASSWORD)
        .getForEntity("/api/applications/" + reference + "/documents", String.class).getBody())).isEmpty();
  }

  private ResponseEntity<String> upload(String user, String type, String fileName, byte[] bytes) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("type", type);
    parts.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, PASSWORD).exchange("/api/applications/" + reference + "/documents", HttpMethod.POST,
        new HttpEntity<>(parts, headers), String.class);
  }

  static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }
}
