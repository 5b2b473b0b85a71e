package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.shared.EngineClock;
import fr.pasdecalais.habitat.aap.application.Application;
import fr.pasdecalais.habitat.aap.application.ApplicationRepository;
import fr.pasdecalais.habitat.aap.application.ApplicationState;
import fr.pasdecalais.habitat.aap.application.Dossiers;
import fr.pasdecalais.habitat.aap.application.Organization;
import fr.pasdecalais.habitat.aap.application.OrganizationRepository;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real dossier rows (organisation + application) for the call scenario tests, put directly in the
 * state the call's process reads (eligible, with the jury's weighted score), without running their
 * own process.
 */
@Component
class CallDossiers {

  private final OrganizationRepository organizations;
  private final ApplicationRepository applications;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  CallDossiers(OrganizationRepository organizations, ApplicationRepository applications, JdbcTemplate jdbc,
      TransactionTemplate tx) {
    this.organizations = organizations;
    this.applications = applications;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** One dossier per description (reference, lot, organisation, weighted score, requested amount), ELIGIBLE. */
  void insert(CallForProjects call, List<CandidateSource.Candidate> descriptions) {
    tx.executeWithoutResult(s -> {
      for (CandidateSource.Candidate d : descriptions) {
        Organization org = new Organization(Dossiers.siret(), EngineClock.now());
        org.update(d.organizationName(), "Association loi 1901", "Association agréée", Set.of("Agrément L.365-1 CCH"),
            "3 place de la Gare", "62000", "Arras", "contact-" + d.reference().toLowerCase() + "@exemple.fr", "Jeanne Martin");
        organizations.save(org);
        CallLot lot = call.lot(d.lotCode()).orElseThrow();
        Application a = applications.save(new Application(d.reference(), call.getId(), call.getReference(), lot.getId(),
            lot.getCode(), org, Set.of(lot.getTerritories().get(0)), d.requestedAmount(), d.requestedUnits(),
            "Dossier de test de l'appel " + call.getReference(), Application.Channel.POSTAL, EngineClock.now(),
            "camille.martin", EngineClock.now()));
        applications.flush();
        jdbc.update("update application set state = ?, weighted_score = ? where id = ?",
            ApplicationState.ELIGIBLE.name(), d.weightedScore(), a.getId());
      }
    });
  }

  static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
