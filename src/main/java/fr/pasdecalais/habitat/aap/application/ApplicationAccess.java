package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.identity.Caller;
import fr.pasdecalais.habitat.aap.call.CallCatalog;
import fr.pasdecalais.habitat.aap.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read or act on a dossier: agents; the partner accounts linked to the dossier's
 * organisation; the jury members of the dossier's call (read only). Anybody else gets a 404, so
 * that the existence of a dossier is not revealed.
 */
@Component
public class ApplicationAccess {

  private final ApplicationRepository applications;
  private final OrganizationMemberRepository members;
  private final CallCatalog calls;

  public ApplicationAccess(ApplicationRepository applications, OrganizationMemberRepository members, CallCatalog calls) {
    this.applications = applications;
    this.members = members;
    this.calls = calls;
  }

  @Transactional(readOnly = true)
  public boolean canRead(Application application, Caller caller) {
    return caller.isAgent() || isMember(application, caller) || sitsOnJury(application.getCallReference(), caller);
  }

  /** May upload pieces or withdraw: the organisation's accounts and instructors. */
  @Transactional(readOnly = true)
  public boolean canAct(Application application, Caller caller) {
    return caller.isInstructor() || isMember(application, caller);
  }

  public boolean isMember(Application application, Caller caller) {
    return caller.isPartner() && members.existsByUserIdAndOrganizationId(caller.userId(), application.getOrganization().getId());
  }

  /** Whether the caller is a partner account of the dossier's organisation (false when there is no such dossier). */
  @Transactional(readOnly = true)
  public boolean isMemberOf(String reference, Caller caller) {
    return applications.findByReference(reference).map(a -> isMember(a, caller)).orElse(false);
  }

  public boolean sitsOnJury(String callReference, Caller caller) {
    return caller.isJury() && calls.findByReference(callReference)
        .map(c -> c.getJury().stream().anyMatch(j -> j.getUserId().equals(caller.userId())))
        .orElse(false);
  }

  /** The dossier if the caller may read it, else 404. */
  @Transactional(readOnly = true)
  public Application readable(String reference, Caller caller) {
    Application a = applications.findByReference(reference).filter(app -> canRead(app, caller))
        .orElseThrow(() -> notFound(reference));
    return a;
  }

  /** The dossier if the caller may act on it: 404 when not readable, 403 when readable only. */
  @Transactional(readOnly = true)
  public Application actionable(String reference, Caller caller) {
    Application a = readable(reference, caller);
    if (!canAct(a, caller)) {
      throw DomainException.forbidden("Seuls l'organisme porteur et les instructeurs peuvent agir sur le dossier « "
          + reference + " ».");
    }
    return a;
  }

  public static DomainException notFound(String reference) {
    return DomainException.notFound("Aucun dossier accessible n'a la référence « " + reference + " ».");
  }
}
