package fr.pasdecalais.habitat.aap.call;

import fr.pasdecalais.habitat.aap.call.process.CallProcess;
import fr.pasdecalais.habitat.aap.identity.Groups;
import fr.pasdecalais.habitat.aap.shared.completion.Completion;
import fr.pasdecalais.habitat.aap.shared.completion.CompletionRules;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * "Organiser la séance du jury": a session date and an opinion deadline not in the past, at least
 * one member (the quorum of the call's jury: one member is enough to collect opinions), each a
 * member of the {@code jury} group, none twice.
 */
@Component
public class OrganiseJurySessionRules implements CompletionRules {

  public static final String NO_MEMBER = "Choisissez au moins un membre du jury.";

  private final IdentityService identity;

  public OrganiseJurySessionRules(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public String taskKey() {
    return CallProcess.TASK_ORGANISE_JURY;
  }

  @Override
  public void check(Completion c) {
    OffsetDateTime session = c.dateTime("jurySessionDate", "Date et heure de la séance", true);
    if (session != null && session.toLocalDate().isBefore(c.today())) {
      c.problem("jurySessionDate", "« Date et heure de la séance » (" + Completion.french(session.toLocalDate())
          + ") est passée : choisissez une date à venir.");
    }
    LocalDate deadline = c.date("opinionDeadline", "Date limite des avis", true);
    if (deadline != null && deadline.isBefore(c.today())) {
      c.problem("opinionDeadline", "« Date limite des avis » (" + Completion.french(deadline)
          + ") est passée : les membres du jury n'auraient pas le temps de donner leur avis.");
    }
    List<String> members = c.strings("juryMembers");
    if (c.hasProblem("juryMembers")) {
      return;
    }
    if (members.isEmpty()) {
      c.problem("juryMembers", "« Membres du jury » : " + NO_MEMBER);
      return;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String id : members) {
      if (!seen.add(id)) {
        c.problem("juryMembers", "« Membres du jury » : « " + id + " » est choisi deux fois.");
      } else if (id.length() > 100 || identity.createUserQuery().userId(id).memberOfGroup(Groups.JURY).count() == 0) {
        c.problem("juryMembers", "« Membres du jury » : « " + (id.length() > 100 ? id.substring(0, 100) + "…" : id)
            + " » n'est pas membre du groupe jury.");
      }
    }
  }
}
