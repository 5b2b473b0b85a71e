package fr.pasdecalais.habitat.aap.application;

import fr.pasdecalais.habitat.aap.identity.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner accounts of an organisation: read by agents, granted and revoked by instructeurs
 * (and administrators). Partner accounts get 403.
 */
@RestController
public class OrganizationController {

  private final OrganizationMemberships memberships;

  public OrganizationController(OrganizationMemberships memberships) {
    this.memberships = memberships;
  }

  /** The account to link. */
  public record MemberRequest(String userId) {}

  @GetMapping("/api/organizations/{siret}/members")
  @PreAuthorize("hasAnyRole('instructeurs', 'superviseurs', 'camunda-admin')")
  public List<OrganizationMemberships.MemberView> members(@PathVariable String siret) {
    return memberships.members(siret);
  }

  /** Links a partner account to the organisation: 201; 400, 404 or 409 problems in French. */
  @PostMapping("/api/organizations/{siret}/members")
  @PreAuthorize("hasAnyRole('instructeurs', 'camunda-admin')")
  public ResponseEntity<OrganizationMemberships.MemberView> grant(@PathVariable String siret,
      @RequestBody MemberRequest request) {
    OrganizationMemberships.MemberView member = memberships.grant(siret, request.userId(), Caller.current().userId());
    return ResponseEntity.created(URI.create("/api/organizations/" + siret + "/members/" + member.userId())).body(member);
  }

  /** Unlinks the account: 204; 404 when the organisation is unknown or the account not linked to it. */
  @DeleteMapping("/api/organizations/{siret}/members/{userId}")
  @PreAuthorize("hasAnyRole('instructeurs', 'camunda-admin')")
  public ResponseEntity<Void> revoke(@PathVariable String siret, @PathVariable String userId) {
    memberships.revoke(siret, userId);
    return ResponseEntity.noContent().build();
  }
}
