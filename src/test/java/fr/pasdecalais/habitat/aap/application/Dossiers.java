package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.call.CallDefinitionReader;
import fr.pasdecalais.habitat.aap.call.CallForProjects;
import fr.pasdecalais.habitat.aap.identity.Groups;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data: a call with a unique reference, made from the real ASTRE call file (window
 * 01/04/2023–31/05/2023, 5 pieces, 4 weighted criteria, agrément L.365-1 required), and dossiers on it.
 */
public class Dossiers {

  public static final Caller AGENT = new Caller("camille.martin", Set.of(Groups.INSTRUCTEURS));
  public static final String AGREMENT = "Agrément ingénierie sociale, financière et technique (L.365-1 CCH)";
  public static final String HOLDER_TYPE = "Organisme agréé au titre de l'ingénierie sociale, financière et technique, justifiant de compétences techniques liées à l'habitat";
  private static final AtomicInteger SIRET_SEQ = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

  private final CallCatalog catalog;
  private final CallDefinitionReader reader;
  private final ApplicationService service;

  public Dossiers(CallCatalog catalog, CallDefinitionReader reader, ApplicationService service) {
    this.catalog = catalog;
    this.reader = reader;
    this.service = service;
  }

  /** A new call like ASTRE 2023 (window 01/04/2023 00:00 – 31/05/2023 23:59:59 Paris), with a jury of two test accounts. */
  public CallForProjects call(boolean allowsMultipleApplications) {
    String reference = "AAP-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    return catalog.create(reader.read(reference + ".yaml", new ByteArrayInputStream(
        astreYaml(reference).replace("allowsMultipleApplications: true", "allowsMultipleApplications: " + allowsMultipleApplications)
            .getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * The real ASTRE 2023 call file under another reference, its jury seats given to unique test
   * accounts (the demo accounts are shared with other tests, which set their own passwords).
   */
  public static String astreYaml(String reference) {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    try (InputStream in = Dossiers.class.getResourceAsStream("/calls/aap-2023-astre.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("reference: AAP-2023-ASTRE", "reference: " + reference)
          .replace("userId: sophie.dubois", "userId: jure-a-" + suffix)
          .replace("userId: thomas.leroy", "userId: jure-b-" + suffix);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid, unique SIRET (Luhn key computed). */
  public static String siret() {
    String base = String.format(Locale.ROOT, "%013d", 4_000_000_000_000L + SIRET_SEQ.incrementAndGet() * 7L);
    for (int key = 0; key < 10; key++) {
      if (SiretValidator.isValid(base + key)) {
        return base + key;
      }
    }
    throw new IllegalStateException();
  }

  public static ApplicationRequest request(String siret, String email, boolean withAgrement, List<String> territories) {
    return new ApplicationRequest(new ApplicationRequest.OrganizationData(siret, "Association Habitat Solidaire " + siret.substring(9),
        "Association loi 1901", HOLDER_TYPE, withAgrement ? List.of(AGREMENT) : List.of(), "12 rue des Écoles", "62300", "Lens",
        email, "Marie Lefebvre"), "UNIQUE", territories, new BigDecimal("42000.00"), 20,
        "Accompagnement social de 20 ménages propriétaires occupants pendant leurs travaux de rénovation énergétique.");
  }

  /**
   * A new organisation known to the service, with the partner account granted membership by an
   * agent (as an instructeur does through {@code POST /api/organizations/{siret}/members}): the
   * account may then file for it. Returns its SIRET.
   */
  public static String memberOrganization(OrganizationRepository organizations, OrganizationMemberships memberships,
      String partnerAccount) {
    String siret = siret();
    Organization org = new Organization(siret, EngineClock.now());
    org.update("Association Habitat Solidaire " + siret.substring(9), "Association loi 1901", HOLDER_TYPE,
        new java.util.LinkedHashSet<>(List.of(AGREMENT)), "12 rue des Écoles", "62300", "Lens", email(), "Marie Lefebvre");
    organizations.saveAndFlush(org);
    memberships.grant(siret, partnerAccount, AGENT.userId());
    return siret;
  }

  public static String email() {
    return "porteur-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
  }

  /** Submits a dossier on the call, as an agent, at the engine clock. */
  public ApplicationService.Submission submit(CallForProjects call, String email, boolean withAgrement) {
    return service.submit(call.getReference(), request(siret(), email, withAgrement, List.of("LENS_HENIN")), AGENT);
  }
}
